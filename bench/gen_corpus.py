#!/usr/bin/env python3
"""Generate a synthetic Begeleidingswijzer content corpus for the build benchmark.

Writes OUT/content/ with N markdown pages (every *.md counts, section _index.md files
included): a home page, three levels of nested sections (each with _index.md) and leaf
pages, Dutch-looking prose, h2/h3 headings, lists, a table, emphasis and 3-5 relative
.md cross-links per page (some with #anchors that exist on the target page).

Deterministic: the same N and seed give byte-identical output. Standard library only.

    python3 bench/gen_corpus.py OUT [--pages N] [--seed S] [--glossary] [--sections S]
                                    [--length K] [--if-changed]

OUT/.corpus-stamp records N, seed, options and a hash of this script; with --if-changed
an existing corpus with the same stamp is reused.
"""

import argparse
import hashlib
import json
import os
import random
import shutil
import sys
import unicodedata


WORDS = """
de het een en van in op met voor naar bij door over onder tussen zonder tegen
werk werkgever werknemer cliënt begeleiding jobcoach traject uitkering gemeente
arbeidsbeperking ondersteuning re-integratie participatie zorg behandelaar
herstel loopbaan sollicitatie werkplek proefplaatsing scholing vaardigheden
vertrouwen afspraak gesprek plan doel stap week maand jaar dag team collega
organisatie aanvraag beoordeling indicatie regeling subsidie loonkostensubsidie
beschut werkfit netwerk familie woning budget inkomen financiering aanbieder
regio wijk buurt instelling ervaringsdeskundige coach mentor contact signaal
moet kan wil gaat komt blijft krijgt heeft is wordt zijn hebben maken helpen
zoeken vinden houden leren oefenen starten stoppen bespreken regelen vragen
goed samen snel rustig duidelijk passend eigen nieuw vast tijdelijk betaald
vrijwillig langdurig kort belangrijk mogelijk nodig samen vaak soms altijd
ook nog al wel niet meer minder eerst daarna vervolgens daarom omdat terwijl
""".split()

TITLE_WORDS = """
werk inkomen begeleiding jobcoach trajecten regels rollen werkgevers scholing
zorg herstel wonen geld budget participatie re-integratie sollicitatie werkplek
proefplaatsing indicatie beoordeling netwerk gemeente uwv wijkteam ggz jongeren
ouderen studie stage vrijwilligerswerk dagbesteding ondersteuning aanvraag
bezwaar loonwaarde subsidie plaatsing coaching training gesprek plan doelen
""".split()

# Headings deliberately use accents and punctuation so the anchor rule is exercised.
HEADING_PHRASES = [
    "Wat is het", "Voor wie", "Hoe werkt het", "Cliënt & werkgever", "Aanvragen",
    "Kosten en financiering", "Rol van de jobcoach", "Na afloop", "Veelgestelde vragen",
    "Ervaringen uit de praktijk", "Regels en afspraken", "Wie betaalt wat",
    "Samenwerking met de gemeente", "Privé en werk", "Eerste stappen", "Overleg / evaluatie",
    "Tips voor begeleiders", "Bezwaar maken", "Duur van het traject", "Meer informatie",
    "Overzicht", "Wanneer stopt het", "Rechten en plichten", "Ondersteuning thuis",
    "Financiële gevolgen", "Re-integratie bij ziekte", "Contact met de werkgever",
    "Scholing, stage & leren", "Signalen van terugval", "Loonwaarde bepalen",
]
SUB_PHRASES = [
    "Voorbeeld", "Let op", "Uitzonderingen", "Voorwaarden", "Praktische tips",
    "Documenten", "Termijnen", "Wie doet wat", "Belangrijke begrippen", "Vervolg",
]
FIXED_IDS = ["taken", "standaardgeval", "kosten", "aanvraag", "samenvatting"]


def anchor(text):
    """wijzer's heading anchor: lowercase, accents removed, other runs -> '-'."""
    s = unicodedata.normalize("NFKD", text.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    out, dash = [], False
    for c in s:
        if ("a" <= c <= "z") or ("0" <= c <= "9"):
            out.append(c)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def split(total, parents, rng, jitter=0.35):
    """Distribute total children over parents (each >= 1 when total >= parents)."""
    if parents == 0:
        return []
    weights = [1.0 + rng.uniform(-jitter, jitter) for _ in range(parents)]
    base = [1] * parents if total >= parents else [0] * parents
    rest = total - sum(base)
    wsum = sum(weights)
    exact = [rest * w / wsum for w in weights]
    counts = [int(x) for x in exact]
    left = rest - sum(counts)
    order = sorted(range(parents), key=lambda i: exact[i] - counts[i], reverse=True)
    for i in order[:left]:
        counts[i] += 1
    return [b + c for b, c in zip(base, counts)]


class Page:
    __slots__ = ("path", "title", "weight", "is_section", "headings", "children", "depth")

    def __init__(self, path, title, weight, is_section, depth):
        self.path = path            # relative to content/, posix
        self.title = title
        self.weight = weight
        self.is_section = is_section
        self.depth = depth
        self.headings = []          # [(level, text, anchor, fixed_id_or_None)]
        self.children = []


class Gen:
    def __init__(self, pages, seed, glossary, sections=0, length=1):
        self.n = pages
        self.rng = random.Random(seed)
        self.glossary = glossary
        self.sections = sections    # 0: three nested levels; S: home + S flat sections
        self.length = length        # leaf pages get this many times the paragraphs
        self.pages = []

    # ---- names -----------------------------------------------------------------
    def slug_title(self, used):
        r = self.rng
        while True:
            words = r.sample(TITLE_WORDS, r.choice((1, 2, 2, 3)))
            slug = "-".join(words)
            if slug not in used:
                used.add(slug)
                title = " ".join(words)
                return slug, title[0].upper() + title[1:]
            # collision: add a number
            for k in range(2, 1000):
                s2 = f"{slug}-{k}"
                if s2 not in used:
                    used.add(s2)
                    title = " ".join(words) + f" {k}"
                    return s2, title[0].upper() + title[1:]

    # ---- structure -------------------------------------------------------------
    def build_tree(self):
        n = self.n
        levels = 3 if n >= 200 else (2 if n >= 30 else (1 if n >= 3 else 0))
        # fan-out f with 1 + f + f^2 + ... + f^(levels+1) ~= n
        f = 2.0
        if self.sections:
            levels = 1
        elif levels:
            lo, hi = 1.0, float(n)
            for _ in range(100):
                mid = (lo + hi) / 2
                if sum(mid ** k for k in range(levels + 2)) > n:
                    hi = mid
                else:
                    lo = mid
            f = max(lo, 1.0)
        per_level = [max(1, round(f ** k)) for k in range(1, levels + 1)]
        if self.sections:
            per_level = [self.sections]
        home = Page("_index.md", "Begeleidingswijzer", 0, True, 0)
        self.pages.append(home)
        frontier = [(home, "")]
        for count in per_level:
            counts = split(count, len(frontier), self.rng)
            nxt = []
            for (parent, folder), c in zip(frontier, counts):
                used = set()
                for i in range(c):
                    slug, title = self.slug_title(used)
                    sub = f"{folder}{slug}/"
                    p = Page(sub + "_index.md", title, (i + 1) * 10, True, parent.depth + 1)
                    parent.children.append(p)
                    self.pages.append(p)
                    nxt.append((p, sub))
            frontier = nxt
        leaves = n - len(self.pages)
        if leaves < 0:
            sys.exit(f"gen_corpus: N={n} too small for the section tree")
        counts = split(leaves, len(frontier), self.rng)
        for (parent, folder), c in zip(frontier, counts):
            used = {"_index"}
            for i in range(c):
                slug, title = self.slug_title(used)
                p = Page(f"{folder}{slug}.md", title, (i + 1) * 10, False, parent.depth + 1)
                parent.children.append(p)
                self.pages.append(p)
        # headings, decided before any body is written so links can target them
        for p in self.pages:
            nh2 = self.rng.randint(3, 5) if not p.is_section else self.rng.randint(1, 2)
            h2s = self.rng.sample(HEADING_PHRASES, nh2)
            seen = set()
            for j, h in enumerate(h2s):
                fixed = None
                if self.rng.random() < 0.15:
                    fixed = self.rng.choice(FIXED_IDS)
                a = fixed or anchor(h)
                if a in seen:
                    fixed, a = None, anchor(h)
                    if a in seen:
                        continue
                seen.add(a)
                p.headings.append((2, h, a, fixed))
                if not p.is_section and self.rng.random() < 0.5:
                    sub = self.rng.choice(SUB_PHRASES)
                    st = f"{sub} bij {h.lower()}" if self.rng.random() < 0.5 else f"{sub} {j + 1}"
                    sa = anchor(st)
                    if sa not in seen:
                        seen.add(sa)
                        p.headings.append((3, st, sa, None))

    # ---- prose -----------------------------------------------------------------
    def sentence(self, links):
        r = self.rng
        words = [r.choice(WORDS) for _ in range(r.randint(6, 14))]
        words[0] = words[0][0].upper() + words[0][1:]
        i = r.randrange(len(words))
        x = r.random()
        if x < 0.12:
            words[i] = f"**{words[i]}**"
        elif x < 0.22:
            words[i] = f"*{words[i]}*"
        if links and r.random() < 0.45:
            j = r.randrange(len(words))
            words[j] = links.pop()
        return " ".join(words) + r.choice(".....?")

    def paragraph(self, links, lo=2, hi=5):
        return " ".join(self.sentence(links) for _ in range(self.rng.randint(lo, hi)))

    def make_links(self, p, by_path):
        r = self.rng
        src_dir = os.path.dirname(p.path)
        out = []
        k = r.randint(3, 5)
        tries = 0
        while len(out) < k and tries < 50:
            tries += 1
            # mostly nearby pages (same subtree), sometimes anywhere
            t = r.choice(self.pages) if r.random() < 0.4 else self.near(p, by_path)
            if t is p:
                continue
            rel = os.path.relpath(t.path, src_dir or ".").replace(os.sep, "/")
            if t.headings and r.random() < 0.5:
                rel += "#" + r.choice(t.headings)[2]
            text = " ".join(t.title.lower().split()[:3])
            out.append(f"[{text}]({rel})")
        if p.headings and r.random() < 0.3:
            out.append(f"[hieronder](#{r.choice(p.headings)[2]})")
        r.shuffle(out)
        return out

    def near(self, p, by_path):
        # a page in the same top-level section
        top = p.path.split("/")[0]
        cands = by_path.get(top)
        return self.rng.choice(cands) if cands else self.rng.choice(self.pages)

    def table(self):
        r = self.rng
        rows = ["| Situatie | Wie betaalt | Duur |", "|---|---|---|"]
        for _ in range(r.randint(3, 5)):
            rows.append("| {} {} | {} | {} {} |".format(
                r.choice(TITLE_WORDS).capitalize(), r.choice(WORDS),
                r.choice(["gemeente", "UWV", "werkgever", "zorgverzekeraar", "cliënt"]),
                r.choice(["tot", "maximaal", "ongeveer"]),
                r.choice(["3 maanden", "6 maanden", "1 jaar", "2 jaar", "onbepaald"])))
        return "\n".join(rows)

    def bullets(self, links):
        r = self.rng
        items = []
        for _ in range(r.randint(3, 6)):
            ws = [r.choice(WORDS) for _ in range(r.randint(3, 9))]
            if links and r.random() < 0.3:
                ws.append(links.pop())
            s = " ".join(ws)
            items.append("- " + s[0].upper() + s[1:])
        return "\n".join(items)

    def body(self, p, links):
        r = self.rng
        parts = [self.paragraph(links, 2, 3)]
        table_at = r.randrange(len(p.headings)) if p.headings and not p.is_section else -1
        for idx, (lvl, text, a, fixed) in enumerate(p.headings):
            h = "#" * lvl + " " + text + (f" {{#{fixed}}}" if fixed else "")
            parts.append(h)
            parts.append(self.paragraph(links))
            if not p.is_section:  # --length: longer sections, same headings and links
                parts.extend(self.paragraph([]) for _ in range(self.length - 1))
            if lvl == 2 and r.random() < 0.5:
                parts.append(self.bullets(links))
            if idx == table_at:
                parts.append(self.table())
            if lvl == 2 and r.random() < 0.2:
                parts.append(self.paragraph(links, 2, 3))
        if links:  # any links not yet placed
            parts.append("Zie ook: " + ", ".join(links) + ".")
            links.clear()
        return "\n\n".join(parts) + "\n"

    def front_matter(self, p):
        r = self.rng
        desc = self.sentence([]).replace("*", "")
        lines = ["---", f'title: "{p.title}"']
        if p.path != "_index.md":
            lines.append(f"weight: {p.weight}")
        lines.append(f'description: "{desc}"')
        if r.random() < 0.5:
            lines.append(f"bijgewerkt: 2026-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}")
        if r.random() < 0.3:
            lines.append("bronnen:")
            for _ in range(r.randint(1, 2)):
                lines.append(f'  - "Leidraad {r.choice(TITLE_WORDS)} ({r.randint(2010, 2025)}), '
                             f'§{r.randint(1, 9)}.{r.randint(1, 9)}"')
        lines.append("---")
        return "\n".join(lines) + "\n\n"

    def write(self, out):
        content = os.path.join(out, "content")
        if os.path.exists(content):
            shutil.rmtree(content)
        by_top = {}
        for p in self.pages:
            if p.depth >= 1:
                by_top.setdefault(p.path.split("/")[0], []).append(p)
        total = 0
        for p in self.pages:
            links = self.make_links(p, by_top)
            text = self.front_matter(p) + self.body(p, links)
            data = text.encode("utf-8")
            total += len(data)
            path = os.path.join(content, p.path)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as fh:
                fh.write(data)
        return total


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", help="corpus folder; content/ is (re)created inside it")
    ap.add_argument("--pages", "-n", type=int, default=10000, help="number of .md pages (default 10000)")
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--glossary", action="store_true",
                    help="also write content/begrippen/ (glossary JSON + page); off by default")
    ap.add_argument("--sections", type=int, default=0,
                    help="flat tree: home + this many sections, the pages spread over them "
                         "(default 0: three nested levels)")
    ap.add_argument("--length", type=int, default=1,
                    help="paragraphs per heading on leaf pages, as a multiple (default 1)")
    ap.add_argument("--if-changed", action="store_true",
                    help="do nothing if OUT already holds a corpus made with the same options")
    a = ap.parse_args()
    with open(os.path.abspath(__file__), "rb") as fh:
        digest = hashlib.sha256(fh.read()).hexdigest()[:12]
    stamp = (f"pages={a.pages} seed={a.seed} glossary={int(a.glossary)} sections={a.sections} "
             f"length={a.length} gen={digest}\n")
    stamp_path = os.path.join(a.out, ".corpus-stamp")
    if a.if_changed and os.path.isdir(os.path.join(a.out, "content")):
        try:
            with open(stamp_path) as fh:
                old = fh.read()
        except OSError:
            old = ""
        if old.startswith(stamp):
            lines = old.splitlines()
            print((lines[1] if len(lines) > 1 else "corpus: " + lines[0]) + " (reused)")
            return
    if os.path.exists(stamp_path):
        os.remove(stamp_path)
    n = a.pages - (1 if a.glossary else 0)
    if n < 1:
        sys.exit("gen_corpus: --pages must be at least 2 with --glossary, 1 otherwise")
    if a.sections < 0 or a.length < 1 or (a.sections and n < a.sections + 1):
        sys.exit("gen_corpus: --sections must be 0..pages-1 and --length at least 1")
    g = Gen(n, a.seed, a.glossary, a.sections, a.length)
    g.build_tree()
    total = g.write(a.out)
    npages = len(g.pages)
    if a.glossary:
        d = os.path.join(a.out, "content", "begrippen")
        os.makedirs(d, exist_ok=True)
        leaf = next(p for p in g.pages if not p.is_section and p.headings)
        terms = []
        for w in sorted({"jobcoach", "proefplaatsing", "loonkostensubsidie", "re-integratie",
                         "arbeidsbeperking", "ervaringsdeskundige", "indicatie", "werkfit"}):
            t = {"term": w, "definitie": f"Een korte omschrijving van {w} in één zin."}
            if w == "proefplaatsing":
                t["pagina"] = "../" + leaf.path + "#" + leaf.headings[0][2]
            terms.append(t)
        with open(os.path.join(d, "begrippen.json"), "w", encoding="utf-8") as fh:
            json.dump({"begrippen": terms}, fh, ensure_ascii=False, indent=2)
        body = '---\ntitle: "Begrippen"\nweight: 9999\ndescription: "Alle begrippen."\n---\n\nDe begrippenlijst.\n'
        with open(os.path.join(d, "_index.md"), "w", encoding="utf-8") as fh:
            fh.write(body)
        total += len(body.encode("utf-8"))
        npages += 1
    sections = sum(1 for p in g.pages if p.is_section)
    summary = (f"corpus: {npages} pages ({sections} sections), {total / 1e6:.1f} MB markdown, "
               f"avg {total / npages / 1024:.1f} KiB/page -> {os.path.join(a.out, 'content')}")
    with open(stamp_path, "w") as fh:  # written last: a half-written corpus has no stamp
        fh.write(stamp + summary + "\n")
    print(summary)


if __name__ == "__main__":
    main()
