"""The project's benchmark: figures, ratios and targets in one table (``make bench``).

    .venv/bin/python bench/run.py [--limit N] [--skip corpus,session,import,notebooks]

Ratios are measured in one run, the two sides interleaved document by document, so that
machine noise cancels. Reads the development corpus (/work/shared/corpus) when present and
says so; otherwise falls back to the bundled data/sample/ and data/raw/. Not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus as corpus_bench  # bench/corpus.py

from analysis import load_resolution
from analysis.akn import parse_xml
from analysis.paths import ROOT, SEED
from analysis.render import render_text
from analysis.resolution import Resolution
from analysis.segment import parse_text

SHARED = Path("/work/shared/corpus/75")
SAMPLE = ROOT / "data/sample/75"
PY = sys.executable


@dataclass
class Row:
    what: str
    value: float
    unit: str
    target: str = ""
    ok: bool | None = None

    def line(self) -> str:
        verdict = "" if self.ok is None else ("PASS" if self.ok else "FAIL")
        return f"{self.what:<58} {self.value:>10.3f} {self.unit:<10} {self.target:<12} {verdict}"


def clock(func, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    out = func(*args, **kwargs)
    return time.perf_counter() - start, out


def median_time(func, *args, repeat: int = 15) -> float:
    return statistics.median(clock(func, *args)[0] for _ in range(repeat))


def corpus_folder(language: str) -> Path:
    shared = SHARED / language
    return shared if shared.is_dir() else SAMPLE / language


# ---------------------------------------------------------------------------------------
# Parsing: seed, rendered corpus texts, the same resolution from XML and from text


def safe_lxml(data: bytes):
    """The floor for reading structured input: lxml alone, with the reader's safe parser."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(data, parser)


def parse_corpus(folder: Path, limit: int | None) -> dict[str, list[float]]:
    """Per document: whole ``load_resolution`` from XML and from the rendered text, each the
    document's first reading (the texts are all rendered first, and the two sides take
    turns going first); then, interleaved, lxml, the XML reader and the text reader (all
    the other documents read in between: the text reader's caches of a document's lines
    have cycled), and both loads again right after, a second reading that finds them warm.
    Documents the text reader refuses are counted, not timed."""
    times: dict[str, list[float]] = {k: [] for k in (
        "lxml", "parse_xml", "parse_text", "load_xml", "load_text", "ratio_reader",
        "ratio_load", "ratio_load_again", "ratio_xml_lxml")}
    files = sorted(folder.glob("*.xml"))[:limit]
    docs, failed = [], 0
    for path in files:
        data = path.read_bytes()
        try:
            xml = load_resolution(data, name=path.name)
            docs.append((path.name, data, render_text(xml.parsed), xml.language))
        except Exception:  # a document that does not render is not timed
            failed += 1
    timed = []
    for k, (name, data, text, language) in enumerate(docs):
        try:  # (the first reading of each document, sides in turn)
            if k % 2:
                t_load_xml = clock(load_resolution, data, name=name)[0]
                t_load_text = clock(load_resolution, text, name=name)[0]
            else:
                t_load_text = clock(load_resolution, text, name=name)[0]
                t_load_xml = clock(load_resolution, data, name=name)[0]
        except Exception:  # a text the reader refuses
            failed += 1
            continue
        timed.append((name, data, text, language))
        times["load_xml"].append(t_load_xml)
        times["load_text"].append(t_load_text)
        times["ratio_load"].append(t_load_text / t_load_xml)
    for name, data, text, language in timed:  # (a second reading)
        t_lxml = clock(safe_lxml, data)[0]
        t_xml = clock(parse_xml, data, name)[0]
        t_text = clock(parse_text, text, language, name)[0]
        again = clock(load_resolution, text, name=name)[0] / clock(
            load_resolution, data, name=name)[0]
        for key, value in (("lxml", t_lxml), ("parse_xml", t_xml), ("parse_text", t_text),
                           ("ratio_reader", t_text / t_xml), ("ratio_load_again", again),
                           ("ratio_xml_lxml", t_xml / t_lxml)):
            times[key].append(value)
    times["failed"] = [failed]
    times["files"] = [len(files)]
    return times


def parsing_rows(limit: int | None) -> list[Row]:
    seed_text = SEED.read_text(encoding="utf-8")
    rows = [Row("seed (68/192 ar, text): load_resolution, median", 1000 * median_time(
        load_resolution, seed_text), "ms/doc")]
    for language in ("ar", "en"):
        folder = corpus_folder(language)
        t = parse_corpus(folder, limit)
        n_ok = len(t["parse_text"])
        label = f"{folder.parent.name}/{language} ({n_ok} of {t['files'][0]} rendered"
        if t["failed"][0]:
            label += f", {t['failed'][0]} refused"
        print(f"  {folder}: {label})", flush=True)
        if not n_ok:
            continue
        med = {k: statistics.median(v) for k, v in t.items() if v}
        rows += [
            Row(f"{label}) text: load_resolution, median", 1000 * med["load_text"], "ms/doc"),
            Row(f"{folder.parent.name}/{language} XML: load_resolution, median",
                1000 * med["load_xml"], "ms/doc"),
            Row(f"{folder.parent.name}/{language} whole load: text / XML (median per doc)",
                med["ratio_load"], "ratio", "<= 1.0", med["ratio_load"] <= 1.0),
            Row(f"{folder.parent.name}/{language} the same, a second reading (caches warm)",
                med["ratio_load_again"], "ratio"),
            Row(f"{folder.parent.name}/{language} reader only: parse_text / parse_xml",
                med["ratio_reader"], "ratio"),
            Row(f"{folder.parent.name}/{language} parse_xml / bare lxml parse",
                med["ratio_xml_lxml"], "ratio"),
        ]
    return rows


def resolution_stages_rows() -> list[Row]:
    """Where a load of the seed goes: reader, Resolution (tables, verbs), extractors."""
    text = SEED.read_text(encoding="utf-8")
    parsed_time = median_time(parse_text, text, "ar", "seed")
    parsed = parse_text(text, "ar", "seed")
    build = median_time(lambda: Resolution(parse_text(text, "ar", "seed"))) - parsed_time

    def extract():
        res = Resolution(parsed)
        return res.actions, res.mentions, res.references, res.dates

    extractors = median_time(extract, repeat=7) - median_time(lambda: Resolution(parsed))
    return [Row("seed: parse_text", 1000 * parsed_time, "ms"),
            Row("seed: Resolution(parsed) (tables, verbs)", 1000 * build, "ms"),
            Row("seed: the four extractors", 1000 * extractors, "ms")]


# ---------------------------------------------------------------------------------------
# A whole session, import time, notebooks


def session_rows() -> list[Row]:
    folder = corpus_folder("ar")
    n = sum(1 for _ in folder.glob("*.xml"))
    print(f"  session: {folder} ({n} files, {os.cpu_count()} cores)", flush=True)
    one, one_cpu, corpus = corpus_bench.timed(folder, 1, False)
    every, _, _ = corpus_bench.timed(folder, None, False)
    structure = structure_seconds(folder)
    errors = len(corpus.errors)
    label = f"session {folder.parent.name}/ar ({n} files, {errors} errors)"
    return [Row(f"{label}: 1 core", one, "s", "<= 5 s", one <= 5),
            Row(f"{label}: 1 core, CPU time", one_cpu, "s"),
            Row(f"session {folder.parent.name}/ar: load_resolution only, 1 core", structure, "s"),
            Row(f"{label}: 1 core", n / one, "docs/s"),
            Row(f"{label}: {os.cpu_count()} cores", every, "s"),
            Row(f"{label}: {os.cpu_count()} cores", n / every, "docs/s"),
            Row("session speed-up, all cores / one", one / every, "ratio")]


def structure_seconds(folder: Path) -> float:
    """load_resolution of every file, one process: the reader and the structure tables
    (paragraphs, footnotes, artefacts, headings), without the extractors and the corpus
    tables; what the session row spends beyond this is extraction and assembly."""
    start = time.perf_counter()
    for path in sorted(folder.glob("*.xml")):
        try:
            load_resolution(path)
        except Exception:  # a file load_corpus lists as an error
            continue
    return time.perf_counter() - start


_IMPORT = ("import time; t0 = time.perf_counter(); import pandas; t1 = time.perf_counter(); "
           "import analysis; t2 = time.perf_counter(); print(t1 - t0, t2 - t1)")


def import_rows(repeat: int = 7) -> list[Row]:
    pandas, analysis = [], []
    for _ in range(repeat):
        out = subprocess.run([PY, "-c", _IMPORT], capture_output=True, text=True, check=True,
                             cwd=ROOT).stdout.split()
        pandas.append(float(out[0]))
        analysis.append(float(out[1]))
    over = statistics.median(analysis)
    return [Row("import pandas (fresh process, median)", statistics.median(pandas), "s"),
            Row("import analysis over import pandas (median)", over, "s", "<= 0.3 s",
                over <= 0.3)]


def notebook_rows() -> list[Row]:
    command = [PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax",
               "--nbval-current-env", "notebooks/"]
    seconds, done = clock(subprocess.run, command, cwd=ROOT, capture_output=True, text=True)
    summary = (done.stdout.strip().splitlines() or ["(no output)"])[-1]
    print(f"  notebooks: {summary}", flush=True)
    return [Row(f"notebook suite (nbval, {os.cpu_count()} cores)"
                + ("" if done.returncode == 0 else ", with failures"), seconds, "s",
                "<= 60 s", seconds <= 60 and done.returncode == 0)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None,
                        help="documents per corpus folder for the parsing figures")
    parser.add_argument("--skip", default="", help="comma-separated: corpus, session, "
                        "import, notebooks")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    if SHARED.is_dir():
        print(f"Development corpus: {SHARED}")
    else:
        print(f"No development corpus at {SHARED}: using {SAMPLE} and {SEED.parent}")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores", flush=True)
    rows: list[Row] = []
    rows += resolution_stages_rows()
    if "corpus" not in skip:
        rows += parsing_rows(args.limit)
    if "session" not in skip:
        rows += session_rows()
    if "import" not in skip:
        rows += import_rows()
    if "notebooks" not in skip:
        rows += notebook_rows()
    print()
    print(f"{'measure':<58} {'value':>10} {'unit':<10} {'target':<12} result")
    for row in rows:
        print(row.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
