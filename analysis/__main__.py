"""Command line: ``python -m analysis parse FILE [--out DIR]``, ``... report [FILE]
[--compare-with FILE]``."""

from __future__ import annotations

import argparse
import sys

from . import paths
from .errors import ResolutionParseError


def _summary(res) -> str:
    """A few lines a person can check against the document."""
    m, p = res.meta, res.paragraphs
    main = p[p["sub"] == ""]
    counts = main.groupby("section", sort=False).size()
    lines = [
        f"{m['symbol']} ({res.language}, {m['format']}): {m['title'] or ''}",
        f"  adopted {m['adopted']}, meeting {m['meeting']}, agenda item {m['agenda_item']},"
        f" committee report {m['committee_report']}",
        "  " + ", ".join(f"{n} {section}" for section, n in counts.items())
        + f" paragraphs; {int((p['sub'] != '').sum())} sub-paragraphs;"
        f" {len(res.footnotes)} footnotes; {len(res.artefacts)} artefacts",
    ]
    lines += [f"  warning: {w}" for w in res.warnings]
    return "\n".join(lines)


def _terminal(text: str) -> str:
    """Arabic shaped and reordered for terminals that do not do it themselves."""
    from .display import terminal_text

    return terminal_text(text)


def cmd_parse(args) -> int:
    from .resolution import load_resolution

    res = load_resolution(args.file)
    written = res.to_files(args.out) if args.out else []
    summary = _summary(res)
    print(_terminal(summary) if args.shape else summary)
    for path in written:
        print(f"  wrote {path}")
    return 0


def cmd_report(args) -> int:
    from .report import run_report

    written = run_report(args.file, out_dir=args.out, other=args.compare_with)
    for path in written:
        print(f"wrote {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis",
                                     description="UN resolutions as data.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse one resolution and write its tables")
    p.add_argument("file", help="a .txt (PDF-extracted) or .xml (AKN4UN) resolution")
    p.add_argument("--out", help="folder for the CSV and JSON tables")
    p.add_argument("--shape", action="store_true",
                   help="shape Arabic for a terminal that does not (reshaper + bidi)")
    p.set_defaults(run=cmd_parse)
    r = sub.add_parser("report", help="run every notebook on a resolution; write HTML + figures")
    r.add_argument("file", nargs="?", default=str(paths.SEED), help="resolution file")
    r.add_argument("--out", default=str(paths.REPORTS), help="reports folder")
    r.add_argument("--compare-with", metavar="FILE",
                   help="the resolution the series page compares with (default: 76/186, or "
                        "68/192 for 76/186 itself)")
    r.set_defaults(run=cmd_report)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except ResolutionParseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # (writing the output: a file where a folder goes, no permission)
        where = exc.filename or getattr(args, "out", None) or "?"
        expected = (" (expected --out to name a folder)"
                    if isinstance(exc, FileExistsError | NotADirectoryError) else "")
        print(f"error: {where}: {exc.strerror or exc}{expected}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
