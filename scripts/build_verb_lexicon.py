"""Rebuild analysis/data/verbs.csv: the lexicon of opening phrases and operative verbs.

Sources, all the UN's own texts:
- the AKN4UN XML of GA session 75 (corpus/75/ar, corpus/75/en) and A/RES/76/186 in four
  languages (corpus/76): the opening phrase of every preambular container and operative
  paragraph is marked up (bold italic / italic), so the phrases are read, not typed in;
- the seed, A/RES/68/192 in Arabic (data/raw), whose phrases are found with
  ``phrases.split_opening``;
- English equivalents: the Arabic (French, Spanish) and English XML of the same resolution
  (same file stem, 75_100_A.xml and 75_100_E.xml) are aligned paragraph by paragraph (by
  position in each section when both have as many paragraphs, else by paragraph number for
  operative paragraphs) and each Arabic lemma gets the English lemmas it co-occurs with;
- classes: ``data/verb_class_map.csv`` assigns English phrases to the classes of
  ``data/verb_classes.csv`` by hand; an Arabic (French, Spanish) lemma takes the class of
  its aligned English, or else that of the lemmas with the same head verb.

    python scripts/build_verb_lexicon.py [CORPUS_FOLDER]    # default: ../shared/corpus
"""

from __future__ import annotations

import collections
import csv
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import verbs  # noqa: E402
from analysis.akn import clean, inline_text  # noqa: E402
from analysis.arabic import normalize_digits  # noqa: E402
from analysis.phrases import head_verb, split_opening  # noqa: E402

NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
LANG = {"ara": "ar", "eng": "en", "fra": "fr", "spa": "es"}
OUT = ROOT / "analysis" / "data" / "verbs.csv"
CLASS_MAP = ROOT / "analysis" / "data" / "verb_class_map.csv"
SEED = ROOT / "data" / "raw" / "A_RES_68_192_ar.txt"
# The language letter that ends a file stem: 75_100_A.xml, A_RES_76_186-2119241E.xml.
_STEM = re.compile(r"_?[AEFS]$")
_SUB_LABEL = re.compile(r"\s*\([^()\s]{1,6}\)")
_NUMBER = re.compile(r"\s*(\d+)\s*[-.]")
# English words that qualify a phrase without changing its class (for the class lookup).
_INTENSIFIERS = frozenset((
    "its", "their", "great", "grave", "deep", "serious", "strong", "strongest", "profound",
    "particular", "utmost", "strongly", "deeply", "gravely", "seriously", "firmly", "fully",
    "most", "possible", "terms", "the", "in", "unwavering", "full", "continued", "renewed",
    "urgently", "particularly", "being"))
# Stances whose object decides the class ("expresses concern", "reaffirms its commitment").
_STANCE_NOUNS = ("concern", "appreciation", "gratitude", "satisfaction", "commitment",
                 "support", "condemnation", "regret", "request", "requests", "call",
                 "invitation", "alarm", "conviction", "belief", "intention", "resolve",
                 "determination", "solidarity", "view", "indignation", "commendation",
                 "distress", "preoccupation", "opposition", "endorsement", "encouragement",
                 "interest")


@dataclass
class Unit:
    """One preambular or operative paragraph of a document."""

    section: str
    number: int | None
    phrase: str
    text: str


def text_of(p) -> str:
    """The text of an element as printed, without footnote bodies, on one line."""
    return clean(inline_text(p)[0])


def phrase_of(p) -> str:
    """The marked-up opening phrase: the italic span that opens the paragraph."""
    lead = (p.text or "").strip()
    if lead and not re.fullmatch(r"[\d\u0660-\u0669]+\s*[-.]?", lead):
        return ""
    for span in p.iter(NS + "span"):
        if "italic" in (span.get("class") or ""):
            return " ".join("".join(span.itertext()).split()).strip(" ،,:")
        return ""
    return ""


def read_units(path: Path) -> tuple[str | None, list[Unit]]:
    """Language and the main paragraphs (no sub-items, no annexes) of one AKN4UN file."""
    tree = etree.parse(str(path))
    lang_el = tree.find(f".//{NS}FRBRExpression/{NS}FRBRlanguage")
    lang = LANG.get(lang_el.get("language") if lang_el is not None else "")
    units = []
    for st in tree.iter(NS + "statement"):
        for part in st:
            if part.tag == NS + "preamble":
                for c in part.iter(NS + "container"):
                    p = next(c.iter(NS + "p"), None)
                    if p is not None:
                        units.append(Unit("preamble", None, phrase_of(p), text_of(p)))
            elif part.tag == NS + "mainBody":
                for para in part.iter(NS + "paragraph"):
                    p = next(para.iter(NS + "p"), None)
                    if p is None or any(a.tag == NS + "paragraph" for a in para.iterancestors()):
                        continue
                    text = text_of(p)
                    if _SUB_LABEL.match(text):
                        continue
                    num = para.find(NS + "num")
                    m = _NUMBER.match(normalize_digits(num.text if num is not None and num.text
                                                       else text))
                    units.append(Unit("operative", int(m.group(1)) if m else None,
                                      phrase_of(p), text))
    return lang, units


def seed_units(path: Path) -> list[Unit]:
    """Preambular and operative paragraphs of the seed text, by the shape of their lines."""
    units = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        m = re.match(r"([\u0660-\u0669]+) - ", line)
        if m:
            text = line[m.end():]
            units.append(Unit("operative", int(normalize_digits(m.group(1))),
                              split_opening(text, "ar", "operative"), text))
        elif re.match("(\u0648)?\u0625\u0630 ", line):  # (و)إذ
            units.append(Unit("preamble", None, split_opening(line, "ar", "preamble"), line))
    return units


def align(a: list[Unit], e: list[Unit]) -> list[tuple[Unit, Unit]]:
    """Pairs of paragraphs of two language versions of one document."""
    pairs = []
    for section in ("preamble", "operative"):
        xs = [u for u in a if u.section == section]
        ys = [u for u in e if u.section == section]
        if len(xs) == len(ys):
            pairs += list(zip(xs, ys, strict=True))
        elif section == "operative":
            by_number = {u.number: u for u in ys if u.number is not None}
            if len(by_number) == len([u for u in ys if u.number is not None]):
                pairs += [(u, by_number[u.number]) for u in xs if u.number in by_number]
    return pairs


def stem(path: Path) -> str:
    return _STEM.sub("", path.stem)


class Counts:
    """Occurrences, surface variants and aligned English per (language, section, key)."""

    def __init__(self):
        self.n: collections.Counter = collections.Counter()
        self.by_source: dict = collections.defaultdict(collections.Counter)
        self.variants: dict = collections.defaultdict(collections.Counter)
        self.lemmas: dict = collections.defaultdict(collections.Counter)
        self.english: dict = collections.defaultdict(collections.Counter)
        self.aligned: collections.Counter = collections.Counter()

    def add(self, lang: str, unit: Unit, source: str) -> tuple | None:
        lemma = verbs.lemma_of(unit.phrase, lang)
        if not unit.phrase or not lemma:
            return None
        key = (lang, unit.section, verbs.lemma_key(unit.phrase, lang))
        self.n[key] += 1
        self.by_source[key][source] += 1
        self.variants[key][unit.phrase] += 1
        self.lemmas[key][lemma] += 1
        return key

    def add_pair(self, key: tuple | None, en_unit: Unit) -> None:
        if key is None or not en_unit.phrase:
            return
        en_lemma = verbs.lemma_of(en_unit.phrase, "en")
        if en_lemma:
            self.english[key][en_lemma] += 1
            self.aligned[key] += 1


def collect(corpus: Path) -> Counts:
    counts = Counts()
    docs: dict[tuple[str, str], tuple[str, list[Unit]]] = {}
    for path in sorted(corpus.rglob("*.xml")):
        lang, units = read_units(path)
        if lang is None:
            continue
        session = next((p for p in reversed(path.relative_to(corpus).parts) if p.isdigit()),
                       "?")
        docs[(stem(path), lang)] = (session, units)
    for (doc, lang), (session, units) in docs.items():
        english = docs.get((doc, "en"))
        pairs = dict((id(x), y) for x, y in align(units, english[1])) if english else {}
        for u in units:
            key = counts.add(lang, u, f"{session}/{lang}")
            if lang != "en" and id(u) in pairs:
                counts.add_pair(key, pairs[id(u)])
    for u in seed_units(SEED):
        counts.add("ar", u, "seed 68/192")
    return counts


def reduce_english(lemma: str) -> list[str]:
    """The words of an English lemma without intensifiers and possessives."""
    return [w for w in lemma.split() if w not in _INTENSIFIERS]


def read_class_map(language: str = "en") -> dict[str, str]:
    """Reduced English phrase (or Arabic head verb) -> class, from data/verb_class_map.csv."""
    with CLASS_MAP.open(encoding="utf-8") as f:
        return {" ".join(reduce_english(row["key"])) if language == "en" else row["key"]:
                row["class"] for row in csv.DictReader(f) if row["language"] == language}


def english_class(lemma: str, class_map: dict[str, str]) -> str | None:
    """Class of an English lemma: the phrase; its stance noun ("concern", "support") after
    the longest known start ("notes with increasing concern" -> "notes with concern");
    else the longest known start ("reaffirms its decision" -> "reaffirms")."""
    if lemma in class_map:
        return class_map[lemma]
    reduced = reduce_english(lemma)
    stance = next((w for w in reduced if w in _STANCE_NOUNS), None)
    if stance:
        for n in range(reduced.index(stance), 0, -1):
            cand = " ".join([*reduced[:n], stance])
            if cand in class_map:
                return class_map[cand]
    for n in range(len(reduced), 0, -1):
        cand = " ".join(reduced[:n])
        if cand in class_map:
            return class_map[cand]
    return None


def build(counts: Counts) -> list[dict]:
    class_map = read_class_map()
    rows = []
    # English first: the other languages take their classes from it.
    for key in sorted(counts.n, key=lambda k: (k[0] != "en", k)):
        lang, section, _ = key
        lemma = counts.lemmas[key].most_common(1)[0][0]
        if lang == "en":
            english = [lemma]
            cls = english_class(lemma, class_map)
        else:
            total = counts.aligned[key]
            english = [e for e, c in counts.english[key].most_common()
                       if c >= 3 and c >= 0.02 * total] or [
                e for e, _ in counts.english[key].most_common(1)]
            votes: collections.Counter = collections.Counter()
            for e, c in counts.english[key].items():
                votes[english_class(e, class_map)] += c
            votes.pop(None, None)
            cls = votes.most_common(1)[0][0] if votes else None
        rows.append({"language": lang, "section": section, "lemma": lemma,
                     "verb": head_verb(lemma, lang), "variants": counts.variants[key],
                     "english": english, "verb_class": cls, "occurrences": counts.n[key],
                     "source": source_text(counts, key)})
    # Lemmas without aligned English take the class most of their head verb's lemmas have.
    by_head: dict = collections.defaultdict(collections.Counter)
    for r in rows:
        if r["verb_class"]:
            by_head[(r["language"], r["verb"])][r["verb_class"]] += r["occurrences"]
    ar_map = read_class_map("ar")
    for r in rows:
        votes = by_head[(r["language"], r["verb"])]
        if r["verb_class"] or r["english"]:
            continue
        if votes:
            r["verb_class"] = votes.most_common(1)[0][0]
            main = max((o for o in rows if o["verb"] == r["verb"] and o["english"]
                        and (o["language"], o["section"]) == (r["language"], r["section"])),
                       key=lambda o: o["occurrences"], default=None)
            r["english"] = main["english"][:1] if main else []
            r["source"] += ("; class and English from the other lemmas of its head verb"
                            if main else "; class from the other lemmas of its head verb")
        elif r["language"] == "ar" and r["verb"] in ar_map:
            r["verb_class"] = ar_map[r["verb"]]
            r["source"] += "; class hand-assigned (data/verb_class_map.csv)"
    kept = [r for r in rows if r["verb_class"]]
    dropped = [r for r in rows if not r["verb_class"]]
    print(f"{len(kept)} lemmas kept, {len(dropped)} dropped (no class: not a verb phrase?)")
    for r in sorted(dropped, key=lambda r: -r["occurrences"])[:40]:
        print(f"  dropped {r['language']} {r['section']} {r['lemma']!r} x{r['occurrences']}")
    return kept


def source_text(counts: Counts, key: tuple) -> str:
    parts = [f"{src} x{n}" for src, n in sorted(counts.by_source[key].items())]
    text = "AKN4UN markup " + ", ".join(p for p in parts if not p.startswith("seed"))
    seed = [p for p in parts if p.startswith("seed")]
    if seed:
        text = (text + "; " if text != "AKN4UN markup " else "") + seed[0]
    if key[0] != "en":
        text += (f"; English from {counts.aligned[key]} aligned paragraphs (same stem in "
                 f"{key[0]} and en)" if counts.aligned[key] else "; no aligned English")
    return text.removeprefix("AKN4UN markup ; ")


def write(rows: list[dict]) -> None:
    rows.sort(key=lambda r: (r["language"], r["section"], -r["occurrences"], r["lemma"]))
    with OUT.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=verbs.LEXICON_COLUMNS)
        w.writeheader()
        for r in rows:
            w.writerow({**r, "variants": "|".join(v for v, _ in r["variants"].most_common()),
                        "english": "|".join(r["english"])})
    print(f"{len(rows)} rows written to {OUT}")


def main(corpus: str) -> None:
    write(build(collect(Path(corpus))))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared" / "corpus"))
