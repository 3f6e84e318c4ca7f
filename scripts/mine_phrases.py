"""Rebuild analysis/data/opening_phrases.csv from the AKN4UN corpus.

The UN marks each opening phrase in its XML: bold italic (Arabic) or italic (English, French,
Spanish) at the head of a preambular container or an operative paragraph. This script collects
them with their counts, so the phrase list is data from the documents themselves, not typed in.

    python scripts/mine_phrases.py ../shared/corpus
"""

from __future__ import annotations

import collections
import csv
import re
import sys
from pathlib import Path

from lxml import etree

NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
# Prepositions the markup sometimes leaves at the end of a phrase ("وإذ تشير إلى", "Takes note of").
_TRAILING = re.compile(r"\s+(إلى|على|في|of|to|that|the|à|de|que|a)$")
LANG = {"ara": "ar", "eng": "en", "fra": "fr", "spa": "es"}
OUT = Path(__file__).resolve().parent.parent / "analysis" / "data" / "opening_phrases.csv"


def first_span(p) -> str | None:
    """The leading italic/bold span of a paragraph element, if it opens the text."""
    lead = (p.text or "").strip()
    if lead and not re.fullmatch(r"[\d\u0660-\u0669]+\s*[-.]?", lead):
        return None
    for span in p.iter(NS + "span"):
        if "italic" in (span.get("class") or ""):
            text = " ".join("".join(span.itertext()).split())
            text = _TRAILING.sub("", text.strip(" ،,:-–"))
            # A lone letter or conjunction is a markup slip ("و", "a"); a long italic run or
            # one with "/" is a title or an office in a list or table, not a phrase.
            if not re.search(r"\w\w", text) or "/" in text or len(text.split()) > 8:
                return None
            return text
        return None
    return None


def session_of(path: Path) -> str:
    return next((part for part in reversed(path.parts) if part.isdigit()), "?")


def main(corpus: str) -> None:
    counts: collections.Counter = collections.Counter()
    files: dict = collections.defaultdict(set)
    for path in sorted(Path(corpus).rglob("*.xml")):
        tree = etree.parse(str(path))
        lang_el = tree.find(f".//{NS}FRBRExpression/{NS}FRBRlanguage")
        lang = LANG.get(lang_el.get("language") if lang_el is not None else "", None)
        if lang is None:
            continue
        for el in tree.iter(f"{NS}container", f"{NS}crossHeading"):
            if el.tag == f"{NS}crossHeading" and el.get("refersTo") != "#preamble":
                continue
            p = el if el.tag == f"{NS}crossHeading" else next(
                el.iter(f"{NS}p", f"{NS}listIntroduction"), None)
            phrase = first_span(p) if p is not None else None
            if phrase:
                counts[(lang, "preamble", phrase)] += 1
                files[(lang, "preamble", phrase)].add(session_of(path))
        for para in tree.iter(f"{NS}paragraph"):
            p = next(para.iter(f"{NS}p"), None)
            phrase = first_span(p) if p is not None else None
            if phrase:
                counts[(lang, "operative", phrase)] += 1
                files[(lang, "operative", phrase)].add(session_of(path))
    with OUT.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["language", "section", "phrase", "occurrences", "source"])
        for (lang, section, phrase), n in sorted(counts.items()):
            sessions = "+".join(sorted(files[(lang, section, phrase)]))
            w.writerow([lang, section, phrase, n,
                        f"AKN4UN corpus, GA session {sessions} (UNxml/GAresolutions)"])
    print(f"{len(counts)} phrases written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpus")
