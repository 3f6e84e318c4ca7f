"""load_corpus, the Parquet cache and the UN metadata join.

The first tests use a fake loader (a stand-in for load_resolution that reads a tiny JSON
file) so that the corpus machinery is tested on its own; the last ones load real AKN4UN
fixtures.
"""

import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pytest

from analysis import Corpus, ResolutionParseError, load_corpus
from analysis import cache as cache_module
from analysis.corpus import corpus_files, find_metadata
from analysis.un_metadata import (
    join_un_metadata,
    read_un_metadata,
    sponsors_table,
    symbol_key,
    votes_table,
)

FIXTURES = Path(__file__).parent / "fixtures"
UN_SAMPLE = FIXTURES / "un_metadata_75_sample.json"
CALLS: list[str] = []


def fake_loader(path):
    """A Resolution look-alike from {"symbol", "paragraphs": n, "fail": stage}."""
    CALLS.append(Path(path).name)
    spec = json.loads(Path(path).read_text())
    if spec.get("fail") == "parse":
        raise ResolutionParseError("not a resolution", source=str(path), line=1)
    n = spec["paragraphs"]
    paragraphs = pd.DataFrame({
        "section": pd.Series(["preamble"] + ["operative"] * (n - 1), dtype="str"),
        "number": pd.array([None, *list(range(1, n))], dtype="Int64"),
        "text": pd.Series([f"text {i}" for i in range(n)], dtype="str"),
        "footnotes": [[1, 2]] + [[] for _ in range(n - 1)],
    })
    footnotes = pd.DataFrame({"number": pd.Series([1, 2], dtype="int64"),
                              "cited_in": [[0], [0, 1]]})
    empty = pd.DataFrame({"kind": pd.Series(dtype="str")})
    return FakeResolution(meta={"symbol": spec["symbol"], "language": "en"}, language="en",
                          warnings=["a warning"], paragraphs=paragraphs, footnotes=footnotes,
                          artefacts=empty, headings=empty, actions=empty, mentions=empty,
                          dates=empty, fail=spec.get("fail"))


class FakeResolution(SimpleNamespace):
    @property
    def references(self):
        if self.fail == "references":
            raise ZeroDivisionError("an extractor's bug")
        return self.actions


@pytest.fixture
def folder(tmp_path):
    CALLS.clear()
    src = tmp_path / "75" / "en"
    src.mkdir(parents=True)
    specs = {"75_2_E.xml": {"symbol": "A/RES/75/2", "paragraphs": 3},
             "75_10_E.xml": {"symbol": "A/RES/75/10", "paragraphs": 2},
             "75_4_E.xml": {"fail": "parse"},
             "75_19_E.xml": {"symbol": "A/RES/75/19", "paragraphs": 2, "fail": "references"}}
    for name, spec in specs.items():
        (src / name).write_text(json.dumps(spec))
    return src


def _load(folder, **kw):
    kw.setdefault("cache", folder.parent.parent / "cache")
    kw.setdefault("processes", 1)
    return load_corpus(folder, loader=fake_loader, metadata=False, **kw)


def test_tables_are_keyed_by_symbol_and_language_first(folder):
    corpus = _load(folder)
    assert isinstance(corpus, Corpus)
    for name in ("paragraphs", "footnotes", "artefacts", "headings", "actions", "mentions",
                 "dates", "warnings", "meta"):
        assert list(getattr(corpus, name).columns[:2]) == ["symbol", "language"], name
    assert list(corpus.paragraphs.columns[:3]) == ["symbol", "language", "row"]
    # natural file order: 75_2, 75_10, 75_19 (75_4 failed)
    assert list(corpus.meta["symbol"]) == ["A/RES/75/2", "A/RES/75/10", "A/RES/75/19"]
    assert list(corpus.paragraphs["row"]) == [0, 1, 2, 0, 1, 0, 1]


def test_failures_are_listed_and_do_not_stop_the_rest(folder):
    corpus = _load(folder)
    errors = corpus.errors.set_index("stage")
    assert list(corpus.errors.columns) == ["path", "stage", "error", "message"]
    assert Path(errors.loc["parse", "path"]).name == "75_4_E.xml"
    assert errors.loc["parse", "error"] == "ResolutionParseError"
    assert "line 1: not a resolution" in errors.loc["parse", "message"]
    # 75/19 lost only its references; its paragraphs are there.
    assert Path(errors.loc["references", "path"]).name == "75_19_E.xml"
    assert (corpus.paragraphs["symbol"] == "A/RES/75/19").sum() == 2
    assert "A/RES/75/19" not in set(corpus.references["symbol"])


def test_cache_reused_until_the_file_or_the_code_changes(folder, monkeypatch):
    first = _load(folder)
    assert sorted(CALLS) == sorted(p.name for p in folder.iterdir())
    CALLS.clear()
    second = _load(folder)
    # Only the files that failed (never cached) are parsed again.
    assert sorted(CALLS) == ["75_19_E.xml", "75_4_E.xml"]
    pd.testing.assert_frame_equal(first.paragraphs, second.paragraphs)
    pd.testing.assert_frame_equal(first.footnotes, second.footnotes)
    pd.testing.assert_frame_equal(first.meta, second.meta)
    CALLS.clear()
    (folder / "75_2_E.xml").write_text(json.dumps({"symbol": "A/RES/75/2", "paragraphs": 4}))
    assert len(_load(folder).paragraphs.query("symbol == 'A/RES/75/2'")) == 4
    assert "75_2_E.xml" in CALLS
    CALLS.clear()
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "another parser")
    _load(folder)
    assert "75_10_E.xml" in CALLS


def test_lists_and_dtypes_survive_the_parquet_round_trip(folder):
    _load(folder)
    corpus = _load(folder)  # from the cache
    p = corpus.paragraphs.set_index(["symbol", "row"])
    assert p.loc[("A/RES/75/2", 0), "footnotes"] == [1, 2]
    assert p.loc[("A/RES/75/2", 1), "footnotes"] == []
    assert type(p.loc[("A/RES/75/2", 0), "footnotes"][0]) is int
    f = corpus.footnotes.set_index(["symbol", "number"])
    assert f.loc[("A/RES/75/10", 2), "cited_in"] == [0, 1]
    assert str(corpus.paragraphs["number"].dtype) == "Int64"
    assert pd.isna(p.loc[("A/RES/75/2", 0), "number"])
    assert corpus.paragraphs["text"].dtype == "str"


def test_two_processes_give_the_same_tables(folder):
    one = _load(folder, cache=False)
    two = _load(folder, cache=False, processes=2)
    for name, df in one.tables().items():
        pd.testing.assert_frame_equal(df, getattr(two, name), obj=name)


def test_no_cache_writes_nothing(folder):
    _load(folder, cache=False)
    assert not (folder.parent.parent / "cache").exists()


def test_corpus_files_recurse_in_natural_order(folder):
    (folder / "notes.md").write_text("not a resolution")
    names = [p.name for p in corpus_files(folder.parent)]
    assert names == ["75_2_E.xml", "75_4_E.xml", "75_10_E.xml", "75_19_E.xml"]


# --- UN metadata --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def un():
    return read_un_metadata(UN_SAMPLE)


def test_read_un_metadata(un):
    assert len(un) == 6
    row = un.set_index("symbol").loc["A/RES/75/46"]
    # A/RES/75/46: "MS_in_favour_count": "182", "MS_against_count": "0", abstaining "2"
    assert (row["votes_in_favour"], row["votes_against"], row["votes_abstaining"]) == (182, 0, 2)
    assert row["recorded_vote"]
    assert row["committee"] == "First Committee"
    assert row["subjects"][0] == "CHEMICAL WEAPONS"
    # A/RES/75/2: "Without a vote", counts listed as "0": no vote was counted at all.
    row = un.set_index("symbol").loc["A/RES/75/2"]
    assert not row["recorded_vote"]
    assert pd.isna(row["votes_in_favour"]) and pd.isna(row["votes_abstaining"])


def test_votes_table(un):
    votes = votes_table(un)
    v46 = votes[votes["symbol"] == "A/RES/75/46"]
    assert v46["vote"].value_counts().to_dict() == {"in_favour": 182, "abstaining": 2}
    assert sorted(v46.loc[v46["vote"] == "abstaining", "state"]) == ["ISRAEL", "UNITED STATES"]
    assert not (votes["symbol"] == "A/RES/75/2").any()  # adopted without a vote


def test_sponsors_table(un):
    sponsors = sponsors_table(un)
    s15 = sponsors[sponsors["symbol"] == "A/RES/75/15"]
    main = s15[s15["kind"] == "sponsor"].iloc[0]
    assert main["state"] == "VIET NAM"
    assert main["on_behalf_of"].endswith("ASSOCIATION OF SOUTHEAST ASIAN NATIONS")
    assert (s15["kind"] == "additional").sum() == 110
    s2 = sponsors[sponsors["symbol"] == "A/RES/75/2"].iloc[0]
    assert s2["kind"] == "submitter"
    assert s2["state"].startswith("SUBMITTED BY THE CHAIR")


def test_join_matches_symbols_whatever_the_spacing(un):
    meta = pd.DataFrame({"symbol": ["A/RES/75/101A-B", "A/RES/75/46", "A/RES/75/999"],
                         "language": ["en", "ar", "en"]})
    joined = join_un_metadata(meta, un).set_index("symbol")
    assert joined.loc["A/RES/75/101A-B", "un_committee"] == "Fourth Committee"
    assert joined.loc["A/RES/75/46", "votes_abstaining"] == 2
    assert pd.isna(joined.loc["A/RES/75/999", "adoption_type"])
    assert joined.loc["A/RES/75/999", "subjects"] == []
    assert symbol_key(" a/res/75/101 A-B") == "A/RES/75/101A-B"


def test_bad_metadata_line_names_file_and_line(tmp_path):
    bad = tmp_path / "75.json"
    bad.write_text('{"symbol": "A/RES/75/1"}\n{"symbol": \n')
    with pytest.raises(ResolutionParseError, match=r"75\.json, line 2: not JSON"):
        read_un_metadata(bad)


def test_metadata_found_next_to_the_corpus_and_joined(folder):
    meta_dir = folder.parent.parent / "metadata"
    meta_dir.mkdir()
    shutil.copy(UN_SAMPLE, meta_dir / "75.json")
    assert find_metadata(list(folder.iterdir())) == [meta_dir / "75.json"]
    corpus = load_corpus(folder, loader=fake_loader, processes=1, cache=False)
    assert corpus.metadata_sources == [str(meta_dir / "75.json")]
    m = corpus.meta.set_index("symbol")
    assert m.loc["A/RES/75/2", "un_committee"] == "Fifth Committee"
    assert m.loc["A/RES/75/2", "adoption_type"] == "Without a vote"
    assert set(corpus.sponsors["symbol"]) == {"A/RES/75/2", "A/RES/75/19"}
    assert corpus.votes.empty  # neither 75/2 nor 75/19 was put to a vote


# --- real AKN4UN files ----------------------------------------------------------------------

REAL = ["75_19_A.xml", "75_19_E.xml", "75_100_E.xml"]
FRENCH = Path(__file__).parent.parent / "data" / "raw" / "A_RES_76_186-2119241F.xml"


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    """Three fixtures, the French 76/186, a truncated file, and the UN metadata sample in
    a ``metadata`` folder next to them; loaded with two processes and a cache."""
    root = tmp_path_factory.mktemp("real")
    folder = root / "75" / "mixed"
    folder.mkdir(parents=True)
    for name in REAL:
        shutil.copy(FIXTURES / name, folder / name)
    shutil.copy(FRENCH, folder / FRENCH.name)
    (folder / "75_999_E.xml").write_bytes((FIXTURES / "75_19_E.xml").read_bytes()[:600])
    (root / "metadata").mkdir()
    shutil.copy(UN_SAMPLE, root / "metadata" / "75.json")
    cold = load_corpus(folder, processes=2, cache=root / "cache")
    warm = load_corpus(folder, processes=2, cache=root / "cache")
    return SimpleNamespace(folder=folder, cold=cold, warm=warm)


def test_real_corpus_has_every_file_but_the_broken_one(real):
    meta = real.cold.meta
    assert sorted(zip(meta["symbol"], meta["language"], strict=True)) == [
        ("A/RES/75/100", "en"), ("A/RES/75/19", "ar"), ("A/RES/75/19", "en"),
        ("A/RES/76/186", "fr")]
    error = real.cold.errors.iloc[0]
    assert len(real.cold.errors) == 1 and Path(error["path"]).name == "75_999_E.xml"
    assert (error["stage"], error["error"]) == ("parse", "ResolutionParseError")


def test_real_tables_are_the_resolutions_own(real):
    from analysis import load_resolution

    res = load_resolution(FIXTURES / "75_100_E.xml")
    for name in ("paragraphs", "footnotes", "headings", "references", "actions", "mentions",
                 "dates"):
        table = getattr(real.warm, name)
        mine = table[(table["symbol"] == "A/RES/75/100") & (table["language"] == "en")]
        mine = mine.drop(columns=["symbol", "language", "row"]).reset_index(drop=True)
        theirs = getattr(res, name).reset_index(drop=True)
        if name == "references":
            mine = mine.rename(columns={"cited_symbol": "symbol"})
        pd.testing.assert_frame_equal(mine, theirs, obj=name)


def test_real_cache_round_trip_is_exact(real):
    for name, df in real.cold.tables().items():
        pd.testing.assert_frame_equal(df, getattr(real.warm, name), obj=name)


def test_real_references_and_metadata(real):
    refs = real.cold.references
    # 75/19 (English), operative paragraph: "Approves the report of the Credentials
    # Committee" with footnote 1, "A/75/606".
    r19 = refs[(refs["symbol"] == "A/RES/75/19") & (refs["language"] == "en")].iloc[0]
    assert r19["cited_symbol"] == "A/75/606" and r19["via_footnote"]
    meta = real.cold.meta.set_index(["symbol", "language"])
    assert meta.loc[("A/RES/75/19", "ar"), "un_committee"] == (
        "Without reference to a Main Committee")
    assert meta.loc[("A/RES/75/100", "en"), "adoption_type"] == "Without a vote"
    assert pd.isna(meta.loc[("A/RES/76/186", "fr"), "adoption_type"])  # not in the sample
    s100 = real.cold.sponsors[real.cold.sponsors["symbol"] == "A/RES/75/100"]
    assert list(s100["state"][:2]) == ["AUSTRALIA", "AUSTRIA"]
    assert (s100["kind"] == "additional").sum() == 24


def test_french_loads_and_says_what_it_lacks(real):
    par = real.cold.paragraphs
    assert (par["language"] == "fr").sum() > 0
    warnings = real.cold.warnings
    french = warnings.loc[warnings["language"] == "fr", "message"]
    assert "no actor lexicon for language 'fr': mentions is empty" in set(french)
    assert not (real.cold.mentions["language"] == "fr").any()


def test_a_damaged_cache_entry_is_parsed_again(folder):
    first = _load(folder)
    for entry in (folder.parent.parent / "cache").glob("*.parquet"):
        entry.write_bytes(b"not parquet")
    CALLS.clear()
    again = _load(folder)
    assert "75_2_E.xml" in CALLS
    pd.testing.assert_frame_equal(first.paragraphs, again.paragraphs)


def test_odd_metadata_fields_do_not_break_the_table():
    from analysis.un_metadata import parse_un_metadata_lines, un_metadata_table

    lines = ('{"symbol": "A/RES/1/1", "sponsors": "FRANCE", "MS_against": null, '
             '"subjects": [["PEACE"], []], "MS_in_favour_count": "n/a"}')
    row = un_metadata_table(parse_un_metadata_lines(lines)).iloc[0]
    assert row["sponsors"] == ["FRANCE"] and row["MS_against"] == []
    assert row["subjects"] == ["PEACE"]
    assert pd.isna(row["votes_in_favour"])
    with pytest.raises(ResolutionParseError, match="line 1: the symbol is not text"):
        parse_un_metadata_lines('{"symbol": 7}')


def test_a_mistyped_source_is_one_error_not_an_empty_corpus(tmp_path):
    # a path that does not exist, or a folder with no resolution in it, is the caller's
    # mistake: said at once, rather than an empty corpus with the reason in ``errors``
    with pytest.raises(ResolutionParseError, match="no such file or folder"):
        load_corpus(tmp_path / "75_typo")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "readme.md").write_text("not a resolution", encoding="utf-8")
    with pytest.raises(ResolutionParseError, match=r"no \.xml or \.txt file in this folder"):
        load_corpus(tmp_path / "notes")
