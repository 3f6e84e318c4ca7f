"""Build analysis/data/resolution_dates.csv: adoption dates of the resolutions that the
bundled documents (data/raw) cite, each with the public source that states it.

Facts only, from two kinds of source:
- the UN's metadata lines for a session (corpus metadata/*.json, "adoption_date"), for the
  resolutions of the sessions they cover, with the title;
- the texts of UN resolutions themselves, where a citation gives the date ("resolution
  64/293 of 30 July 2010", "قرارها 64/293 المؤرخ 30 تموز/يوليه 2010"): the date the most
  texts give, with one of them quoted as the source. Disagreeing texts are reported.

    .venv/bin/python scripts/build_resolution_dates.py /work/shared/corpus

The corpus is the development corpus described in its README (UN DGACM, UNxml/GAresolutions,
commit 42a69b67bb92d23969fc45bba151320b82eb8e52).
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import analysis
from analysis import paths
from analysis.dates import parse_date
from analysis.references import RESOLUTION_KINDS

OUT = paths.ROOT / "analysis" / "data" / "resolution_dates.csv"


def cited_by_bundled() -> set[str]:
    """Symbols of the resolutions the documents in data/raw cite."""
    cited = set()
    for path in sorted(paths.RAW.glob("*.txt")) + sorted(paths.RAW.glob("*.xml")):
        refs = analysis.load_resolution(path).references
        cited |= set(refs.loc[refs["kind"].isin(RESOLUTION_KINDS), "symbol"].dropna())
    return cited


def metadata_dates(corpus: Path) -> dict[str, tuple[str, str, str]]:
    """Symbol -> (ISO date, title, source) from the UN metadata lines."""
    out = {}
    for path in sorted((corpus / "metadata").glob("*.json")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            iso = parse_date(row.get("adoption_date") or "", "en")
            if iso and len(iso) == 10:
                out[row["symbol"]] = (iso, row.get("title") or "",
                                      f"UN metadata, corpus metadata/{path.name}: adoption_date "
                                      f"{row['adoption_date']!r}")
    return out


def text_dates(files: list[Path], wanted: set[str]) -> dict[str, list[tuple[str, str]]]:
    """Symbol -> [(ISO date, source)] for every citation that dates it in the texts."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for path in files:
        try:
            res = analysis.load_resolution(path)
        except analysis.ResolutionParseError as exc:
            print(f"skipped {path.name}: {exc}", file=sys.stderr)
            continue
        refs = res.references
        refs = refs[refs["symbol"].isin(wanted) & refs["date"].notna()]
        for _, r in refs.iterrows():
            if len(r["date"]) != 10 or not r["date"][:4].isdigit():
                continue
            where = (f"footnote {r['footnote']}" if r["via_footnote"]
                     else f"{r['section']} paragraph {r['number']}")
            found[r["symbol"]].append((r["date"], f"{res.meta.get('symbol')} ({res.language}), "
                                                  f"{where}: cites {r['label']} with this date"))
    return found


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else Path("/work/shared/corpus")
    wanted = cited_by_bundled()
    meta = metadata_dates(corpus)
    files = sorted(corpus.glob("75/*/*.xml")) + sorted(corpus.glob("76/*.xml"))
    files += sorted(paths.RAW.glob("*.txt"))
    texts = text_dates(files, wanted)
    rows, missing = [], []
    for symbol in sorted(wanted):
        if symbol in meta:
            iso, title, source = meta[symbol]
            rows.append({"symbol": symbol, "date": iso, "title": title, "source": source})
            continue
        dated = texts.get(symbol, [])
        if not dated:
            missing.append(symbol)
            continue
        counts = Counter(d for d, _ in dated)
        best, n = counts.most_common(1)[0]
        if len(counts) > 1:
            print(f"{symbol}: texts disagree {dict(counts)}; kept {best}", file=sys.stderr)
        source = next(s for d, s in dated if d == best)
        more = n - 1
        rows.append({"symbol": symbol, "date": best, "title": "",
                     "source": source + (f" (and {more} more citations)" if more else "")})
    with OUT.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["symbol", "date", "title", "source"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} dated of {len(wanted)} cited; no public date found for: "
          f"{', '.join(missing) or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
