#!/usr/bin/env python3
"""The kernel's share of a build: writes the files of a site folder again, timed.

usage: bench/write_floor.py SITE OUT

Reads every file under SITE into memory (not timed), then creates OUT with the same folders and
files, one open/write/close per file as wijzer does, and prints "wall user sys" in seconds for
the writing alone: what creating and filling these files costs any tool on this file system.
OUT must not exist. Standard library only.
"""
import os
import sys
import time


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    site, out = sys.argv[1], sys.argv[2]
    files = []
    for folder, _, names in os.walk(site):
        for name in names:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                files.append((os.path.relpath(path, site), f.read()))
    folders = sorted({os.path.dirname(rel) for rel, _ in files})
    t0, c0 = time.perf_counter(), os.times()
    os.mkdir(out)
    for folder in folders:
        if folder:
            os.makedirs(os.path.join(out, folder), exist_ok=True)
    for rel, data in files:
        fd = os.open(os.path.join(out, rel), os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
        os.write(fd, data)
        os.close(fd)
    c1 = os.times()
    print(f"{time.perf_counter() - t0:.2f} {c1.user - c0.user:.2f} {c1.system - c0.system:.2f}")


if __name__ == "__main__":
    main()
