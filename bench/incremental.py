#!/usr/bin/env python3
"""Measures `wijzer serve` rebuilds on a running server (bench/incremental.sh starts it).

    python3 bench/incremental.py URL SRC [--runs N] [--template-runs M]

- page edit: appends a sentence with a unique marker to one page's markdown and polls the page's
  URL until the served HTML has it (wall time from the write to the first response with it);
- template edit: adds a marker comment to templates/page.mustache and polls /__wijzer/status until
  the new build is published (every page rebuilt), then checks that a page has the marker.
Each edit is undone afterwards (and waited for) so the next run starts from the same site.
Standard library only.
"""

import argparse
import json
import os
import statistics
import sys
import time
import urllib.request


def get(url):
    with urllib.request.urlopen(url, timeout=30) as r:
        return r.read().decode("utf-8", "replace")


def status(base, since=None):
    return json.loads(get(base + "__wijzer/status" + ("" if since is None else f"?since={since}")))


def wait_until(predicate, limit=60.0, step=0.001):
    end = time.perf_counter() + limit
    while time.perf_counter() < end:
        if predicate():
            return time.perf_counter()
        time.sleep(step)
    raise SystemExit("incremental.py: timed out")


def output_url(source):
    stem = source[:-3]
    if stem == "_index":
        return "index.html"
    if stem.endswith("/_index"):
        return stem[: -len("_index")] + "index.html"
    return stem + ".html"


def write(path, text):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def summary(name, values):
    values = sorted(values)
    return (f"{name:<28} median {statistics.median(values):8.1f} ms   max {values[-1]:8.1f} ms   "
            f"min {values[0]:8.1f} ms   (n={len(values)})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("src")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--template-runs", type=int, default=5)
    a = ap.parse_args()
    base = a.url if a.url.endswith("/") else a.url + "/"
    content = os.path.join(a.src, "content")
    wait_until(lambda: status(base)["ok"], limit=120, step=0.05)

    pages = []
    for folder, _, files in os.walk(content):
        for f in files:
            if f.endswith(".md") and f != "_index.md":
                pages.append(os.path.relpath(os.path.join(folder, f), content).replace(os.sep, "/"))
    pages.sort()
    step = max(1, len(pages) // max(1, a.runs))
    chosen = pages[::step][: a.runs]

    page_ms = []
    for i, source in enumerate(chosen):
        path = os.path.join(content, source)
        url = base + output_url(source)
        with open(path, encoding="utf-8") as fh:
            original = fh.read()
        marker = f"bench-{os.getpid()}-{i}-{time.time_ns()}"
        start = time.perf_counter()
        write(path, original + f"\nEen benchmarkzin {marker}.\n")
        done = wait_until(lambda: marker in get(url))
        page_ms.append((done - start) * 1000)
        print(f"  page edit {i + 1:2d}: {page_ms[-1]:7.1f} ms  {source}", flush=True)
        write(path, original)
        wait_until(lambda: marker not in get(url))
        time.sleep(0.1)

    template = os.path.join(a.src, "templates", "page.mustache")
    with open(template, encoding="utf-8") as fh:
        original_template = fh.read()
    probe = base + output_url(chosen[0])
    template_ms = []
    for i in range(a.template_runs):
        before = status(base)["version"]
        marker = f"bench-template-{os.getpid()}-{i}-{time.time_ns()}"
        start = time.perf_counter()
        write(template, original_template + f"<!-- {marker} -->\n")
        done = wait_until(lambda: status(base)["version"] > before, step=0.002)
        template_ms.append((done - start) * 1000)
        if marker not in get(probe):
            raise SystemExit("incremental.py: the template edit is not on " + probe)
        print(f"  template edit {i + 1}: {template_ms[-1]:7.1f} ms (all pages)", flush=True)
        before = status(base)["version"]
        write(template, original_template)
        wait_until(lambda: status(base)["version"] > before, step=0.01)

    print()
    print(summary("one-page edit → served", page_ms))
    print(summary("template edit → all rebuilt", template_ms))
    target = 100.0
    print(f"target: one-page edit < {target:.0f} ms (median): "
          + ("PASS" if statistics.median(page_ms) < target else "FAIL")
          + f"; max {'PASS' if max(page_ms) < target else 'over'}")


if __name__ == "__main__":
    sys.exit(main())
