#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets (tests/fuzz/corpus/<target>/) from the portal's
content, the JSON Logic conformance suites and a few hand-written hostile inputs.
Run from anywhere; deterministic. Seeds are named by content hash, like libFuzzer's own."""
import hashlib, json, os, pathlib, random, re

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

def small_flows(flow, size):
    """Flows of at most `size` nodes cut from a real one, one from each question: the same
    structure (conditions, links, trajecten) in a few hundred bytes, so every fuzz run is quick.
    References to dropped nodes go to one outcome; links go to pages of the fuzz base site."""
    nodes = {n["id"]: n for n in flow.get("knopen", []) if isinstance(n, dict) and "id" in n}
    for start in [n for n in nodes if nodes[n].get("soort") == "vraag"][:4]:
        keep, queue = [], [start]
        while queue and len(keep) < size:
            nid = queue.pop(0)
            if nid in keep or nid not in nodes:
                continue
            keep.append(nid)
            queue += re_ids(nodes[nid])
        def fix(x):
            if isinstance(x, dict):
                out = {}
                for k, v in x.items():
                    if k in ("volgende", "vervolg") and isinstance(v, str):
                        out[k] = v if v in keep else "einde"
                    elif k == "pagina" and isinstance(v, str):
                        out[k] = "../gids/stap.md" + ("#eerste-stap" if "#" in v else "")
                    elif k in ("als", "als_tekst") and any(var not in keep for var in vars_of(x.get("als"))):
                        continue
                    elif isinstance(v, str) and k != "id":
                        out[k] = v[:80]
                    else:
                        out[k] = fix(v)
                return out
            if isinstance(x, list):
                return [fix(v) for v in x]
            return x
        small = {k: (v[:80] if isinstance(v, str) else v) for k, v in flow.items() if k not in ("knopen", "id")}
        small["start"] = start
        small["knopen"] = [fix(nodes[n]) for n in keep] + [{"id": "einde", "soort": "uitkomst", "titel": "Einde", "tekst": "Klaar."}]
        yield json.dumps(small, ensure_ascii=False, separators=(",", ":"))

def re_ids(node):
    """Ids a node leads to."""
    out = []
    def walk(x):
        if isinstance(x, dict):
            for k, v in x.items():
                if k in ("volgende", "vervolg") and isinstance(v, str):
                    out.append(v)
                else:
                    walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(node)
    return out

def vars_of(rule):
    """Variables a JSON Logic rule reads."""
    out = []
    if isinstance(rule, dict):
        for k, v in rule.items():
            if k == "var":
                out.append(v[0] if isinstance(v, list) and v else v)
            else:
                out += vars_of(v)
    elif isinstance(rule, list):
        for v in rule:
            out += vars_of(v)
    return [v.split(".")[0] for v in out if isinstance(v, str)]

def small_forms(form):
    """One form per section of a real form (at most 8 fields, short texts, no worked examples):
    small seeds with the real field types, conditions and computed fields."""
    def cut(x):
        if isinstance(x, str):
            return x[:60]
        if isinstance(x, list):
            return [cut(v) for v in x[:8]]
        if isinstance(x, dict):
            return {k: cut(v) for k, v in x.items()}
        return x
    for section in form.get("secties", [])[:6]:
        ids = set(re.findall(r'"id": "([^"]+)"', json.dumps(section)))
        small = {"id": form.get("id"), "versie": form.get("versie", 1), "titel": form.get("titel", "")[:60],
                 "secties": [cut(section)]}
        for key in ("controles", "signalen"):
            kept = [c for c in form.get(key, []) if all(v in ids for v in vars_of(c.get("als")))][:2]
            if kept:
                small[key] = cut(kept)
        yield json.dumps(small, ensure_ascii=False, separators=(",", ":"))

# YAML aliases and deep nesting (issue 13.5), bounded so they run fast on today's parsers; the
# fuzzer grows them.
YAML_ALIASES = [
    "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\nd: [*c, *c]\n",
    "basis: &basis {titel: A, tekst: B}\nander:\n  <<: *basis\n  titel: C\n",
    "- &x {a: 1}\n- *x\n- *x\n",
    "a: *onbekend\n",
    "a: &a\n  b: &b\n    c: 1\n  d: *b\ne: *a\n",
]
def deep_json(n):
    return '{"a":' * n + "1" + "}" * n
def deep_yaml(n):
    return "".join("  " * i + "a:\n" for i in range(n)) + "  " * n + "b: 1\n"

HTTP = [
    "GET / HTTP/1.1\r\nHost: 127.0.0.1:4000\r\n\r\n",
    "GET /gids HTTP/1.1\r\nHost: localhost:4000\r\n\r\n",
    "GET /a%20b HTTP/1.1\r\nHost: [::1]:4000\r\n\r\n",
    "GET /gids/%3Cscript%3Ealert(1)%3C/script%3E.html HTTP/1.1\r\nHost: 127.0.0.1:4000\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: evil.example:4000\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: 127.0.0.1:4000\r\nHost: evil.example\r\n\r\n",
    "GET /__wijzer/events.js?since=-1&t=ab12cd34 HTTP/1.1\r\nHost: 127.0.0.1:4000\r\nSec-Fetch-Site: same-origin\r\n\r\n",
    "GET /__wijzer/events.js?since=5 HTTP/1.1\r\nHost: 127.0.0.1:4000\r\nSec-Fetch-Site: cross-site\r\n\r\n",
    "GET /__wijzer/status?since=5 HTTP/1.1\r\nHost: 127.0.0.1:4000\r\n\r\n",
    "GET /__wijzer/reload.js HTTP/1.1\r\nHost: 127.0.0.1:4000\r\n\r\n",
    "GET /__wijzer/%3Cimg%20src=x%3E HTTP/1.1\r\nHost: 127.0.0.1:4000\r\n\r\n",
    "GET /x%22%3E HTTP/1.1\r\nHost: 127.0.0.1:4000\r\nX-Fuzz-Site: none\r\n\r\n",
    "POST / HTTP/1.1\r\nHost: 127.0.0.1:4000\r\n\r\n",
    "GET //evil.example/ HTTP/1.1\r\nHost: 127.0.0.1:4000\r\n\r\n",
    "HEAD /gids/logo.svg HTTP/1.1\r\nHost: 127.0.0.1:4000\r\n\r\n",
]

# Static files that claim an output path another source owns (issue 13.4).
CLASHES = [
    "=== content/over.md\n---\ntitle: Over\n---\nTekst.\n=== content/over.html\n<p>statisch</p>\n",
    "=== content/gids/stap.html\n<p>statisch</p>\n",
    "=== content/gids/index.html\n<p>statisch</p>\n",
    "=== content/index.html\n<p>statisch</p>\n",
    "=== content/assets/js/portal.js\nalert(1)\n=== content/assets/css/portal.css\nbody{}\n",
    "=== content/stroomschema/f.json\n{\"titel\":\"F\",\"start\":\"e\",\"knopen\":[{\"id\":\"e\",\"soort\":\"uitkomst\",\"titel\":\"E\",\"tekst\":\"T\"}]}\n"
    "=== content/stroomschema/f/paths.json\n[]\n=== content/stroomschema/f/index.html\n<p>x</p>\n",
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
    for y in YAML_ALIASES:
        put("frontmatter", "---\ntitle: Aliassen\n" + y + "---\nTekst.\n")
    put("frontmatter", "---\ntitle: Diep\n" + deep_yaml(40) + "---\nTekst.\n")

    data = sorted(ROOT.glob("content/**/*.json")) + sorted(ROOT.glob("content/**/*.yaml"))
    for p in data:
        put("data_file", p.read_bytes())
    for s in ["a: 1\nb: [x, {c: d}]\n", "{\"a\": [1, 2, {\"b\": null}]}", "- &x {a: 1}\n- *x\n", "a/b~c: 1\n", "[[[[[]]]]]", "{\"a\":1,\"a\":2}"]:
        put("data_file", s)
    for y in YAML_ALIASES:
        put("data_file", y)
    put("data_file", deep_json(64))
    put("data_file", deep_yaml(40))
    put("data_file", '{"termen":[{"term":"a","uitleg":' + deep_json(32) + "}]}")

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
    for p in sorted(ROOT.glob("content/stroomschema/*.json")):
        for size in (3, 7):
            for small in small_flows(json.loads(p.read_text(encoding="utf-8")), size):
                put("flows", small)
    for p in sorted(ROOT.glob("content/**/*.form.json")):
        for small in small_forms(json.loads(p.read_text(encoding="utf-8"))):
            put("forms", small)
    # YAML flows: aliases shared between nodes, and a condition nested deep.
    put("flows", "titel: F\nstart: v\nknopen:\n  - id: v\n    soort: vraag\n    tekst: &t Vraag?\n    fout: *t\n"
        "    antwoorden:\n      - &ja {id: ja, label: Ja, volgende: e}\n      - {id: nee, label: Nee, volgende: e}\n"
        "  - id: e\n    soort: uitkomst\n    titel: Einde\n    tekst: *t\n")
    put("flows", '{"titel":"F","start":"v","knopen":[{"id":"v","soort":"vraag","tekst":"V?","fout":"Kies.",'
        '"antwoorden":[{"id":"ja","label":"Ja","volgende":"e","als":' + ('{"!":' * 24) + '{"var":"v"}' + ("}" * 24) + '},'
        '{"id":"nee","label":"Nee","volgende":"e"}]},{"id":"e","soort":"uitkomst","titel":"E","tekst":"T"}]}')
    for h in HTTP:
        put("serve", h)

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
    for c in CLASHES:
        put("site", c)
    for h in HOSTILE_MD[:4]:
        put("site", "=== content/gids/x.md\n---\ntitle: \"<script>x</script>\"\ndescription: '\" onmouseover=\"alert(1)'\n---\n" + h)

if __name__ == "__main__":
    main()
