#!/usr/bin/env python3
"""Where a build's instructions go, per page, from a callgrind profile (bench/run.sh CALLGRIND=1).

usage: bench/floor.py CALLGRIND_OUT PAGES

Splits the instructions of `wijzer build --threads 1` into the calls of the libraries wijzer is
built on (inclusive: what the library does for wijzer, allocations included) and the rest
(wijzer's own code, the C++ runtime, the allocator outside those calls). The named parts do not
nest, so they add up. Standard library only; needs valgrind's callgrind_annotate.
"""
import re
import subprocess
import sys

# (label, function-name patterns; inclusive cost of each, summed)
PARTS = [
    ("cmark-gfm: parse (cmark_parser_feed, cmark_parser_finish)", [r"^cmark_parser_feed$", r"^cmark_parser_finish$"]),
    ("cmark-gfm: HTML (cmark_render_html)", [r"^cmark_render_html$"]),
    ("kainjow mustache: render (TemplateSet::render, its lookups and escaping included)", [r"^wijzer::TemplateSet::render\(.*std::vector"]),
    ("libyaml: front matter (yaml_parser_parse)", [r"^yaml_parser_parse$"]),
]
# Run only under valgrind: 3.19 does not know openat2, so DiskTree::read resolves every path
# through std::filesystem::canonical, which a native build does only for symbolic links.
VALGRIND_ONLY = [r"^std::filesystem::canonical\(std::filesystem::__cxx11::path const&, std::error_code&\)$"]
# Not named: libstemmer (its symbols are stripped; each thread caches the stems it made, so it is
# called about once per distinct word) and the kernel (callgrind counts user space only).


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    path, pages = sys.argv[1], int(sys.argv[2])
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", path],
                         capture_output=True, text=True, check=True).stdout
    total = 0
    costs = {}
    for line in out.splitlines():
        m = re.match(r"^\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$", line)
        if not m:
            continue
        ir = int(m.group(1).replace(",", ""))
        name = m.group(2)
        if name.startswith("PROGRAM TOTALS"):
            total = ir
            continue
        fn = re.sub(r"^[^:]*:", "", name, count=1)  # drop "file:" (??? when there is no debug info)
        fn = re.sub(r" \[[^\]]*\]$", "", fn)      # drop " [object]"
        costs[fn] = max(costs.get(fn, 0), ir)
    if not total:
        sys.exit("floor.py: no totals in " + path)
    print(f"where the instructions go, per page (callgrind, {pages:,} pages, --threads 1):")
    named = 0
    for label, patterns in PARTS:
        ir = sum(c for fn, c in costs.items() if any(re.search(p, fn) for p in patterns))
        named += ir
        print(f"  {ir / pages / 1e6:6.3f} M  {label}")
    print(f"  {named / pages / 1e6:6.3f} M  libraries above, together")
    print(f"  {(total - named) / pages / 1e6:6.3f} M  the rest: wijzer's own code, the C++ runtime, allocations outside them")
    print(f"  {total / pages / 1e6:6.3f} M  in all")
    only = sum(c for fn, c in costs.items() if any(re.search(p, fn) for p in VALGRIND_ONLY))
    if only:
        print(f"  {only / pages / 1e6:6.3f} M  of it under valgrind only: fs::canonical, DiskTree::read's way without openat2")


if __name__ == "__main__":
    main()
