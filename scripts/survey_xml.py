"""Run the AKN4UN reader over a corpus and report what it found and anything odd.

    .venv/bin/python scripts/survey_xml.py [/work/shared/corpus] [-v]

Counts files, preambular and operative paragraphs, sub-paragraphs, headings, parts, annexes,
tables and footnotes; lists files that fail, operative paragraphs without a number, empty
paragraphs, footnotes cited but missing (or present but never cited), reader warnings, and the
Arabic/English pairs of the same resolution whose block structure differs. Not a test: it
reads the shared corpus, which a fresh checkout does not have.
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analysis import ResolutionParseError
from analysis.akn import parse_xml
from analysis.model import Parsed

DEFAULT_CORPUS = Path("/work/shared/corpus")


def is_table(block) -> bool:
    return " || " in block.text or (" | " in block.text and block.number is None)


def file_counts(parsed: Parsed) -> collections.Counter:
    c: collections.Counter = collections.Counter(files=1)
    for b in parsed.blocks:
        if b.kind == "heading":
            c["headings"] += 1
        elif b.sub:
            c["sub-paragraphs"] += 1
        elif b.section == "preamble":
            c["preamble paragraphs"] += 1
        elif b.section == "operative":
            c["operative paragraphs"] += 1
        else:
            c["annex paragraphs"] += 1
        if b.kind == "paragraph" and is_table(b):
            c["tables"] += 1
    c["parts"] += len({b.part for b in parsed.blocks if b.part and b.section != "annex"})
    c["annexes"] += len({b.part for b in parsed.blocks if b.section == "annex"})
    c["footnotes"] += len(parsed.footnotes)
    c["artefacts"] += len(parsed.artefacts)
    c["warnings"] += len(parsed.warnings)
    return c


def oddities(parsed: Parsed) -> list[str]:
    """Things a reader of the printed resolution would not expect."""
    odd = []
    seen_number: dict[str, int | None] = {}
    for b in parsed.blocks:
        where = f"line {b.line}"
        if b.kind == "paragraph" and not b.text:
            odd.append(f"{where}: empty {b.section} paragraph")
        if b.section == "operative" and b.kind == "paragraph" and not b.sub:
            if b.number is None and not is_table(b):
                odd.append(f"{where}: operative paragraph without number: {b.text[:60]!r}")
            elif b.number is not None and seen_number.get(b.part) == b.number:
                odd.append(f"{where}: continuation of paragraph {b.number}: {b.text[:50]!r}")
            seen_number[b.part] = b.number
    notes = {f.number for f in parsed.footnotes}
    cited = {n for b in parsed.blocks for n in b.footnotes}
    odd += [f"footnote {n} cited but missing" for n in sorted(cited - notes)]
    odd += [f"footnote {n} never cited in a block" for n in sorted(notes - cited)]
    odd += [f"footnote {f.number} empty" for f in parsed.footnotes if not f.text]
    odd += [f"warning: {w}" for w in parsed.warnings]
    return odd


def signature(parsed: Parsed) -> list[tuple]:
    """The structure that should not depend on the language."""
    return [(b.kind, b.section, b.number, b.sub.count(".") + 1 if b.sub else 0,
             len(b.footnotes)) for b in parsed.blocks]


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    corpus = Path(args[0]) if args else DEFAULT_CORPUS
    totals: collections.Counter = collections.Counter()
    failures, odd_files = [], {}
    by_symbol: dict[str, dict[str, tuple[str, Parsed]]] = collections.defaultdict(dict)
    for path in sorted(corpus.rglob("*.xml")):
        try:
            parsed = parse_xml(path.read_bytes(), name=str(path))
        except ResolutionParseError as exc:
            failures.append(str(exc))
            continue
        totals += file_counts(parsed)
        odd = oddities(parsed)
        if odd:
            odd_files[path.name] = odd
        by_symbol[parsed.meta["symbol"]][parsed.meta["language"]] = (path.name, parsed)
        for key in ("symbol", "session", "number", "language", "title", "adopted", "meeting"):
            if parsed.meta.get(key) is None:
                odd_files.setdefault(path.name, []).append(f"meta {key} missing")
    print(f"corpus: {corpus}")
    for key in ("files", "preamble paragraphs", "operative paragraphs", "sub-paragraphs",
                "annex paragraphs", "headings", "parts", "annexes", "tables", "footnotes",
                "artefacts", "warnings"):
        print(f"  {key:22} {totals[key]}")
    print(f"failures: {len(failures)}")
    for f in failures:
        print("  ", f)
    kinds: collections.Counter = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    for name, odd in odd_files.items():
        for o in odd:
            kind = re.sub(r"^line \d+: ", "", o).split(": '")[0].split(': "')[0]
            kind = re.sub(r"\d+", "N", kind)
            kinds[kind] += 1
            if name not in examples[kind]:
                examples[kind].append(name)
    print(f"files with oddities: {len(odd_files)}")
    for kind, n in kinds.most_common(20):
        print(f"  {n:5}  {kind[:60]:60}  e.g. {', '.join(examples[kind][:3])}")
    if verbose:
        for name, odd in odd_files.items():
            print(name)
            for o in odd:
                print("    ", o[:150])
    mismatched = []
    for _symbol, versions in sorted(by_symbol.items()):
        if "ar" in versions and "en" in versions:
            (a_name, a), (e_name, e) = versions["ar"], versions["en"]
            if signature(a) != signature(e):
                mismatched.append((a_name, e_name, len(a.blocks), len(e.blocks)))
    pairs = sum(1 for v in by_symbol.values() if "ar" in v and "en" in v)
    print(f"Arabic/English pairs: {pairs}, with a different block structure: {len(mismatched)}")
    for a_name, e_name, na, ne in mismatched:
        print(f"  {a_name} ({na} blocks) / {e_name} ({ne} blocks)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
