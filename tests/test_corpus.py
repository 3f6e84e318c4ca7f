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
    assert len(un) == 5
    row = un.set_index("symbol").loc["A/RES/75/46"]
    # A/RES/75/46: "MS_in_favour_count": "182", "MS_against_count": "0", abstaining "2"
    assert (row["votes_in_favour"], row["votes_against"], row["votes_abstaining"]) == (182, 0, 2)
    assert row["recorded_vote"]
    assert row["committee"] == "First Committee"
    assert row["subjects"][0] == "CHEMICAL WEAPONS"


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
