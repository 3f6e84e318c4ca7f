"""Check and extend the actor lexicon (analysis/data/actor_forms.csv) against the corpus.

The corpus is AKN4UN XML (UNxml/GAresolutions): session 75 in Arabic and English, the same
resolutions in both. Subcommands:

    attest      occurrences of each lexicon form in session 75, per language; with --write,
                record them in the ``source`` column of actor_forms.csv
    candidates  frequent noun phrases headed by an organization word (Office, Committee,
                مكتب, لجنة ...) that no lexicon form covers: the next names to add
    align       actor counts per resolution in Arabic against English: where they differ, a
                form is missing in one language (or the texts really differ)
    coverage    share of operative paragraphs with at least one actor mention

    python scripts/mine_actors.py attest ../shared/corpus [--write]
"""

from __future__ import annotations

import collections
import csv
import re
import sys
from pathlib import Path

from lxml import etree

from analysis.actors import find_actors
from analysis.akn import clean, inline_text

NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
LANG_DIR = {"ar": "ar", "en": "en"}
FORMS = Path(__file__).resolve().parent.parent / "analysis" / "data" / "actor_forms.csv"
# Words that head the name of a body or office.
_HEADS = {
    "en": re.compile(r"\b(?:(?:United Nations|International|World|Joint|Special|Permanent|"
                     r"Regional|Global|Inter-Agency|Independent)\s+)?(?:Office|Department|"
                     r"Committee|Commission|Council|Board|Group|Forum|Fund|Programme|Agency|"
                     r"Organization|Organisation|Institute|Centre|Panel|Mechanism|Conference|"
                     r"Rapporteur|Representative|Envoy|Expert|Union|Court|Tribunal|Secretariat|"
                     r"Entity|Bank|Authority|Community)\b(?:\s+(?:of|on|for|against|to|the|and|"
                     r"in|with)?\s*[A-Z][\w\-’']*){0,8}"),
    "ar": re.compile("(?:\u0645\u0643\u062a\u0628|\u0644\u062c\u0646\u0629|\u0645\u062c\u0644\u0633"
                     "|\u0635\u0646\u062f\u0648\u0642|\u0628\u0631\u0646\u0627\u0645\u062c"
                     "|\u0645\u0646\u0638\u0645\u0629|\u0647\u064a\u0626\u0629|\u0641\u0631\u064a\u0642"
                     "|\u0645\u0641\u0648\u0636\u064a\u0629|\u0625\u062f\u0627\u0631\u0629"
                     "|\u0645\u0639\u0647\u062f|\u0627\u0644\u0645\u0642\u0631\u0631)"
                     "(?:\\s+[\u0621-\u064a\u064b-\u0652]+){1,6}"),
}


def text_of(el) -> str:
    """The text of an element as printed, without footnote bodies, on one line."""
    return clean(inline_text(el)[0])


def paragraphs(path: Path) -> list[tuple[str, str]]:
    """(section, text) of each preambular and top-level operative paragraph of a file."""
    tree = etree.parse(str(path))
    out = []
    for el in tree.iter(NS + "container", NS + "paragraph"):
        if el.tag == NS + "container" and el.getparent().tag != NS + "preamble":
            continue
        if el.tag == NS + "paragraph" and any(a.tag == NS + "paragraph"
                                               for a in el.iterancestors()):
            continue
        out.append(("preamble" if el.tag == NS + "container" else "operative", text_of(el)))
    return out


def resolution_key(path: Path) -> str:
    """The file name without its language letter: 75_101A-B_A.xml -> 75_101A-B."""
    return path.stem.rsplit("_", 1)[0]


def load(corpus: Path, language: str) -> dict[str, list[tuple[str, str]]]:
    return {resolution_key(p): paragraphs(p)
            for p in sorted((corpus / "75" / LANG_DIR[language]).glob("*.xml"))}


def attest(corpus: Path, write: bool) -> None:
    counts: collections.Counter = collections.Counter()
    for language in ("ar", "en"):
        for paras in load(corpus, language).values():
            for _, text in paras:
                counts.update((language, m.form) for m in find_actors(text, language))
    rows = list(csv.DictReader(FORMS.open(encoding="utf-8")))
    for row in rows:
        n = counts[(row["language"], row["form"])]
        if not n:
            print(f"unattested: {row['actor']} {row['language']} {row['form']}")
        if write:
            base = row["source"].split("; GA 75 corpus mentions:")[0]
            row["source"] = f"{base}; GA 75 corpus mentions: {n}" if row["actor"] else base
    print(f"{len(rows)} forms, {sum(1 for r in rows if counts[(r['language'], r['form'])])} "
          "attested in session 75")
    if write:
        with FORMS.open("w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)


def candidates(corpus: Path, language: str, top: int) -> None:
    counts: collections.Counter = collections.Counter()
    for paras in load(corpus, language).values():
        for _, text in paras:
            covered = [(m.start, m.end) for m in find_actors(text, language)]
            for m in _HEADS[language].finditer(text):
                if not any(s <= m.start() < e for s, e in covered):
                    counts[m.group().strip()] += 1
    for phrase, n in counts.most_common(top):
        print(n, phrase)


def actor_counts(paras: list[tuple[str, str]], language: str) -> collections.Counter:
    return collections.Counter(m.actor for _, text in paras for m in find_actors(text, language))


def align(corpus: Path) -> None:
    ar, en = load(corpus, "ar"), load(corpus, "en")
    both = sorted(set(ar) & set(en))
    total = {"ar": collections.Counter(), "en": collections.Counter()}
    differ: collections.Counter = collections.Counter()
    for key in both:
        ca, ce = actor_counts(ar[key], "ar"), actor_counts(en[key], "en")
        total["ar"].update(ca)
        total["en"].update(ce)
        for actor in set(ca) | set(ce):
            if ca[actor] != ce[actor]:
                differ[actor] += 1
    print(f"{len(both)} resolutions in both languages")
    print(f"{'actor':34} {'ar':>6} {'en':>6} differing resolutions")
    for actor in sorted(set(total["ar"]) | set(total["en"]),
                        key=lambda a: -abs(total["ar"][a] - total["en"][a])):
        print(f"{actor:34} {total['ar'][actor]:6} {total['en'][actor]:6} {differ[actor]}")


def coverage(corpus: Path) -> None:
    for language in ("ar", "en"):
        n = hit = 0
        for paras in load(corpus, language).values():
            for section, text in paras:
                if section == "operative":
                    n += 1
                    hit += bool(find_actors(text, language))
        print(f"{language}: {hit}/{n} operative paragraphs name an actor ({hit / n:.1%})")


def main(argv: list[str]) -> None:
    command, corpus = argv[0], Path(argv[1] if len(argv) > 1 else "../shared/corpus")
    if command == "attest":
        attest(corpus, "--write" in argv)
    elif command == "candidates":
        candidates(corpus, argv[2] if len(argv) > 2 else "en", 150)
    elif command == "align":
        align(corpus)
    elif command == "coverage":
        coverage(corpus)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
