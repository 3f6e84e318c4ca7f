"""Time ``find_dates`` and ``find_references`` on one-megabyte single lines. Not a test.

    .venv/bin/python bench/references_long_text.py

Real text (the seed, the English 76/186 of data/raw, repeated without line breaks) and
degenerate runs (spaces, digits, one word, one body name, years): the extractors scan near
their anchors only and match space runs possessively, so each should take about a second or
less on this machine; what they find grows with the input, never the time per character.
"""

from __future__ import annotations

import re
import time

from analysis.dates import find_dates
from analysis.paths import RAW, SEED
from analysis.references import find_references

MB = 1_000_000


def inputs() -> list[tuple[str, str, str]]:
    seed = SEED.read_text(encoding="utf-8").replace("\n", " ")
    english = re.sub(r"<[^>]+>", " ", (RAW / "A_RES_76_186-2119241E.xml").read_text(
        encoding="utf-8")).replace("\n", " ")
    runs = {"spaces": " ", "digits": "1 ", "word": "word ", "body name": "الجمعية ",
            "years": "2010 "}
    out = [("seed repeated", "ar", (seed * (MB // len(seed) + 1))[:MB]),
           ("76/186 English repeated", "en", (english * (MB // len(english) + 1))[:MB])]
    out += [(name, "ar" if "\u0600" <= unit[0] <= "\u06ff" else "en", unit * (MB // len(unit)))
            for name, unit in runs.items()]
    return out


def main() -> None:
    find_references("قرار 1/2", "ar"), find_references("resolution 1/2", "en")  # compile
    print(f"{'input':26} {'lang':4} {'dates':>6} {'s':>5} {'refs':>6} {'s':>5}")
    for name, language, text in inputs():
        t0 = time.perf_counter()
        dates = find_dates(text, language)
        t1 = time.perf_counter()
        refs = find_references(text, language)
        t2 = time.perf_counter()
        print(f"{name:26} {language:4} {len(dates):6} {t1 - t0:5.2f} {len(refs):6} "
              f"{t2 - t1:5.2f}")


if __name__ == "__main__":
    main()
