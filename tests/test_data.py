"""Every data file of the package is well-formed and says where its entries come from."""

import csv
from importlib import resources

import pytest

DATA = resources.files("analysis").joinpath("data")
FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith(".csv"))


def _rows(name):
    with DATA.joinpath(name).open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_there_are_data_files():
    assert {"months.csv", "verbs.csv", "actors.csv", "opening_phrases.csv"} <= set(FILES)


@pytest.mark.parametrize("name", FILES)
def test_well_formed_with_sources(name):
    header, *body = _rows(name)
    assert "source" in header, f"{name}: no source column"
    src = header.index("source")
    assert body, f"{name}: no rows"
    for i, row in enumerate(body, start=2):
        assert len(row) == len(header), f"{name}, line {i}: {len(row)} fields"
        assert row[src].strip(), f"{name}, line {i}: no source"
    assert len({tuple(r) for r in body}) == len(body), f"{name}: duplicate rows"


def test_months_complete_per_language():
    header, *body = _rows("months.csv")
    by_lang = {}
    for row in body:
        rec = dict(zip(header, row, strict=True))
        by_lang.setdefault(rec["language"], set()).add(int(rec["month"]))
    assert all(months == set(range(1, 13)) for months in by_lang.values()), by_lang
