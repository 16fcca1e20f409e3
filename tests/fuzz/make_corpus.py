#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets (tests/fuzz/corpus/<target>/) from the portal's
content, the JSON Logic conformance suites and a few hand-written hostile inputs.
Run from anywhere; deterministic. Seeds are named by content hash, like libFuzzer's own."""
import hashlib, json, os, pathlib, random

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests/fuzz/corpus"

def put(target, data):
    if isinstance(data, str):
        data = data.encode()
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)

def split_front(text):
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end > 0:
            return text[end + 5:]
    return text

HOSTILE_MD = [
    "<script>alert(1)</script>\n",
    "Tekst <img src=x onerror=alert(1)> hier.\n",
    "[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [z](java&#x09;script:alert(1))\n",
    "[d](data:text/html,<script>alert(1)</script>) ![i](javascript:alert(1))\n",
    "<javascript:alert(1)> <https://example.org> www.example.org mailto:a@b.nl\n",
    "[t](stap.md \"x onclick=alert(1)\") [a](#eerste-stap) [b](_index.md#stappen) [c](logo.svg)\n",
    "# Kop {#eigen-id}\n\n## Kop\n\n## Kop\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [ ] open\n- [x] af\n\nVoetnoot[^1]\n\n[^1]: Tekst.\n",
    "<div onclick=\"x\">\n\n*nadruk*\n\n</div>\n\n<!-- commentaar -->\n\n```html\n<script>\n```\n",
    "[ref]\n\n[ref]: javascript:alert(1)\n\n[ok][r2]\n\n[r2]: ../_index.md\n",
    "> citaat met de jobcoach en ~~doorgehaald~~ en `code <b>`\n",
]

def main():
    md = sorted(ROOT.glob("content/**/*.md"))
    for p in md[:40]:
        text = p.read_text(encoding="utf-8")
        put("frontmatter", text)
        put("markdown", split_front(text))
    for h in HOSTILE_MD:
        put("markdown", h)
        put("frontmatter", "---\ntitle: \"<script>alert(1)</script>\"\ndescription: 'x\" onmouseover=\"alert(1)'\n---\n" + h)
    for fm in ["---\ntitle: A\nweight: 3\ndraft: false\ntemplate: page\nbronnen: [a, b]\nbijgewerkt: 2025-02-30\n---\nx\n",
               "\ufeff---\r\ntitle: B\r\nlastmod: 2024-01-01T10:00:00Z\r\n...\r\nbody\r\n",
               "---\n- a\n- b\n---\n", "---\ntitle: [\n---\n", "---\n&a [*a, *a]\n---\n", "---\ntitle: !!binary aGk=\n---\n"]:
        put("frontmatter", fm)

    data = sorted(ROOT.glob("content/**/*.json")) + sorted(ROOT.glob("content/**/*.yaml"))
    for p in data:
        put("data_file", p.read_bytes())
    for s in ["a: 1\nb: [x, {c: d}]\n", "{\"a\": [1, 2, {\"b\": null}]}", "- &x {a: 1}\n- *x\n", "a/b~c: 1\n", "[[[[[]]]]]", "{\"a\":1,\"a\":2}"]:
        put("data_file", s)

    rng = random.Random(8)
    cases = []
    for p in sorted((ROOT / "tests/conformance/jsonlogic/suites").rglob("*.json")):
        for case in json.loads(p.read_text(encoding="utf-8")):
            if isinstance(case, dict) and "rule" in case:
                cases.append([case["rule"], case.get("data")])
    for case in rng.sample(cases, min(300, len(cases))):
        put("rules", json.dumps(case, ensure_ascii=False))
    for p in sorted(ROOT.glob("content/**/*.form.json")):
        form = p.read_text(encoding="utf-8")
        put("forms", form)
    for p in sorted(ROOT.glob("content/stroomschema/*")):
        put("flows", p.read_bytes())

    # site: "=== PATH" archives, one per real data file, plus hostile pages.
    glossary = ROOT / "content/begrippen/begrippen.json"
    if glossary.exists():
        put("site", "=== content/begrippen/_index.md\n---\ntitle: Begrippen\n---\n=== content/begrippen/begrippen.json\n"
            + glossary.read_text(encoding="utf-8") + "=== content/gids/werk.md\n---\ntitle: Werk\n---\nDe jobcoach en de werkgever.\n")
    for p in sorted(ROOT.glob("content/stroomschema/*")):
        put("site", "=== content/stroomschema/" + p.name + "\n" + p.read_text(encoding="utf-8"))
    for p in sorted(ROOT.glob("content/**/*.form.json")):
        form_id = p.name[: -len(".form.json")]
        put("site", f"=== content/gids/{p.name}\n" + p.read_text(encoding="utf-8")
            + f"=== content/gids/reken.md\n---\ntitle: Reken\nformulier: {form_id}\n---\nTekst.\n")
    for h in HOSTILE_MD[:4]:
        put("site", "=== content/gids/x.md\n---\ntitle: \"<script>x</script>\"\ndescription: '\" onmouseover=\"alert(1)'\n---\n" + h)

if __name__ == "__main__":
    main()
