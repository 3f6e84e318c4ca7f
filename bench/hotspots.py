"""Where the time goes: cProfile of each stage over the seed and part of a session.

    .venv/bin/python bench/hotspots.py [--limit 40] [--top 12] [--stage parse_text ...]

Stages: parse_text (the seed and rendered texts of the session), parse_xml, resolution
(``Resolution(parsed)``: tables and verbs annotation) and extractors (actions, mentions,
references, dates). For each, the functions with the most own time and the package's
functions with the most cumulative time. Reads /work/shared/corpus/75/ar when present,
else data/sample/75/ar. Not a test.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
from pathlib import Path

from analysis import load_resolution
from analysis.akn import parse_xml
from analysis.paths import ROOT, SEED
from analysis.render import render_text
from analysis.resolution import Resolution
from analysis.segment import parse_text

SHARED = Path("/work/shared/corpus/75/ar")
STAGES = ("parse_text", "parse_xml", "resolution", "extractors")


def inputs(limit: int) -> list[tuple[str, bytes, str, str]]:
    """(name, XML bytes or b"", text, language) for the seed and ``limit`` session files."""
    folder = SHARED if SHARED.is_dir() else ROOT / "data/sample/75/ar"
    print(f"profiling {folder} ({limit} files) and {SEED.name}", file=sys.stderr)
    out = [(SEED.name, b"", SEED.read_text(encoding="utf-8"), "ar")]
    for path in sorted(folder.glob("*.xml"))[:limit]:
        data = path.read_bytes()
        res = load_resolution(data, name=path.name)
        out.append((path.name, data, render_text(res.parsed), res.language))
    return out


def run_stage(stage: str, docs, parsed) -> None:
    for (name, data, text, lang), p in zip(docs, parsed, strict=True):
        if stage == "parse_text":
            parse_text(text, lang, name)
        elif stage == "parse_xml" and data:
            parse_xml(data, name)
        elif stage == "resolution":
            Resolution(p)
        elif stage == "extractors":
            res = Resolution(p)
            res.actions, res.mentions, res.references, res.dates  # noqa: B018


def profile(stage: str, docs, top: int) -> str:
    parsed = [parse_text(text, lang, name) for name, _, text, lang in docs]
    run_stage(stage, docs, parsed)  # warm the caches (lexicons, compiled patterns)
    prof = cProfile.Profile()
    prof.enable()
    run_stage(stage, docs, parsed)
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(r"analysis[/\\]", top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--stage", nargs="+", choices=STAGES, default=list(STAGES))
    args = parser.parse_args(argv)
    docs = inputs(args.limit)
    for stage in args.stage:
        print(f"\n===== {stage} =====")
        print(profile(stage, docs, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
