"""Benchmark load_corpus on a whole session: cold and warm cache, 1 process against N.

    .venv/bin/python bench/corpus.py [FOLDER] [--processes 1 2] [--repeat 1]

FOLDER defaults to the development corpus's session 75 in Arabic (/work/shared/corpus/75/ar)
when present, else the bundled sample. The cache goes to a temporary folder, so the
project's own cache is neither used nor touched. Prints one line per run (wall time, and
CPU time of this process and its workers, which says more on a busy machine); not a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

from analysis import load_corpus
from analysis.paths import ROOT

DEV_SESSION = Path("/work/shared/corpus/75/ar")


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (the workers)."""
    own, children = (resource.getrusage(w) for w in (resource.RUSAGE_SELF,
                                                     resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(folder: Path, processes: int, cache) -> tuple[float, float, object]:
    start, cpu = time.perf_counter(), cpu_seconds()
    corpus = load_corpus(folder, processes=processes, cache=cache, metadata=False)
    return time.perf_counter() - start, cpu_seconds() - cpu, corpus


def report(label: str, seconds: float, cpu: float, corpus, n_files: int) -> None:
    print(f"{label:<34} {seconds:7.2f} s wall {cpu:7.2f} s CPU  "
          f"{n_files / seconds:6.1f} files/s  "
          f"{len(corpus)} resolutions, {len(corpus.paragraphs)} paragraph rows, "
          f"{len(corpus.references)} references, {len(corpus.errors)} errors", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = DEV_SESSION if DEV_SESSION.is_dir() else ROOT / "data/sample/75/ar"
    parser.add_argument("folder", nargs="?", type=Path, default=default)
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    n_files = sum(1 for p in args.folder.rglob("*") if p.suffix.lower() in (".xml", ".txt"))
    print(f"{args.folder}: {n_files} files, {os.cpu_count()} cores", flush=True)
    for processes in args.processes:
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as cache:
                report(f"no cache, {processes} process(es)",
                       *timed(args.folder, processes, False), n_files)
                report(f"cold cache (writing), {processes} p.",
                       *timed(args.folder, processes, cache), n_files)
                *figures, corpus = timed(args.folder, processes, cache)
                report(f"warm cache, {processes} process(es)", *figures, corpus, n_files)
    if not corpus.errors.empty:
        print(corpus.errors.groupby(["stage", "error"]).size().to_string())


if __name__ == "__main__":
    main()
