"""Session charts: the tables they draw, and that each chart draws."""

import itertools

import pandas as pd
import pytest
from matplotlib.figure import Figure

from analysis import plots_corpus as pc


@pytest.fixture
def session():
    """Three resolutions: 1 (Fifth Committee, without a vote), 2 (First, recorded vote),
    3 (plenary: no committee anywhere, no UN metadata)."""
    meta = pd.DataFrame({
        "symbol": ["A/RES/9/1", "A/RES/9/2", "A/RES/9/3"],
        "language": ["en", "en", "en"],
        "committee": ["Fifth Committee",
                      "First Committee", None],
        "un_committee": ["Fifth Committee", "First Committee", None],
        "recorded_vote": pd.array([False, True, None], dtype="boolean"),
    })
    rows = [("A/RES/9/1", "operative", "", "Decides", "decides", "decides"),
            ("A/RES/9/1", "operative", "", "Requests", "requests", "requests"),
            ("A/RES/9/1", "operative", "", "Requests", "requests", "requests"),
            ("A/RES/9/1", "operative", "a", "", "", ""),
            ("A/RES/9/2", "operative", "", "Calls upon", "calls upon", "urges/calls upon"),
            ("A/RES/9/2", "operative", "", "requests", "requests", "requests"),
            ("A/RES/9/2", "preamble", "", "Recalling", "recalling", "recalls/reaffirms"),
            ("A/RES/9/3", "operative", "", "Proclaims", "", "")]
    paragraphs = pd.DataFrame(rows, columns=["symbol", "section", "sub", "verb", "verb_en",
                                             "verb_class"]).assign(language="en")
    return meta, paragraphs


def test_session_verb_counts(session):
    _, paragraphs = session
    counts = pc.session_verb_counts(paragraphs).set_index("verb_en")
    assert counts.loc["requests", "count"] == 3  # "Requests" twice and "requests" once
    assert counts.loc["requests", "resolutions"] == 2
    assert counts.loc["requests", "verb"] == "Requests"  # the more common spelling
    assert "recalling" not in counts.index  # preamble
    assert counts["count"].sum() == 6  # the sub-paragraph does not count


def test_session_verb_counts_one_row_per_english_equivalent_in_every_language():
    # data/sample/75/ar: "تؤكد" alone is "stresses", "تؤكد من جديد" and "تعيد تأكيد" are both
    # "reaffirms": the rows go by the English equivalent (each with its own class), under
    # the most common written verb; diacritics do not split a verb ("تكرّر").
    rows = [("A/RES/9/1", "تكرر", "reiterates", "recalls/reaffirms"),
            ("A/RES/9/2", "تكرّر", "reiterates", "recalls/reaffirms"),
            ("A/RES/9/2", "تكرر", "reiterates its request", "requests"),
            ("A/RES/9/1", "تؤكد", "reaffirms", "recalls/reaffirms"),
            ("A/RES/9/2", "تؤكد", "reaffirms", "recalls/reaffirms"),
            ("A/RES/9/3", "تعيد", "reaffirms", "recalls/reaffirms"),
            ("A/RES/9/3", "تؤكد", "stresses", "emphasizes/stresses")]
    paragraphs = pd.DataFrame(rows, columns=["symbol", "verb", "verb_en", "verb_class"]).assign(
        section="operative", sub="", language="ar")
    counts = pc.session_verb_counts(paragraphs)
    assert counts[["verb", "verb_en", "verb_class", "count", "resolutions"]].values.tolist() == [
        ["تؤكد", "reaffirms", "recalls/reaffirms", 3, 3],
        ["تكرر", "reiterates", "recalls/reaffirms", 2, 2],
        ["تكرر", "reiterates its request", "requests", 1, 1],
        ["تؤكد", "stresses", "emphasizes/stresses", 1, 1]]
    # English documents the same way: by the English phrase.
    english = pc.session_verb_counts(paragraphs.assign(language="en"))
    assert list(english["verb_en"]) == list(counts["verb_en"])


def test_committees_and_their_order(session):
    meta, _ = session
    assert list(pc.committee_of(meta)) == ["Fifth Committee", "First Committee",
                                           "Plenary (no Main Committee)"]
    long = meta.assign(un_committee=None, committee=[
        "Special Political and Decolonization Committee (Fourth Committee)", None, None])
    assert pc.committee_of(long).iloc[0] == "Fourth Committee"
    assert pc.committee_order()[:2] == ["Plenary (no Main Committee)", "First Committee"]


def test_committee_verb_matrix_is_a_share_of_each_committee(session):
    meta, paragraphs = session
    matrix = pc.committee_verb_matrix(paragraphs, meta, top=2)
    assert list(matrix.columns) == ["Plenary (no Main Committee)", "First Committee",
                                    "Fifth Committee"]
    # Fifth: 2 of its 3 operative paragraphs request; First: 1 of 2.
    assert matrix.loc[("Requests", "requests"), "Fifth Committee"] == pytest.approx(200 / 3)
    assert matrix.loc[("Requests", "requests"), "First Committee"] == 50.0
    assert matrix.loc[("Requests", "requests"), "Plenary (no Main Committee)"] == 0.0


def test_adoption_counts(session):
    meta, _ = session
    table = pc.adoption_counts(pd.concat([meta, meta.assign(language="ar")]))
    assert table.loc["First Committee"].to_dict() == {
        "recorded_vote": 1, "without_vote": 0, "unknown": 0}  # counted once, not per language
    assert table.loc["Plenary (no Main Committee)", "unknown"] == 1


@pytest.mark.parametrize("language", ["en", "ar"])
def test_charts_draw(session, language):
    meta, paragraphs = session
    cited = pd.DataFrame({"symbol": ["A/RES/9/1", "A/RES/8/5"], "cited_by": [2, 1],
                          "in_corpus": [True, False]})
    figures = [pc.session_verb_bars(pc.session_verb_counts(paragraphs), language),
               pc.committee_verb_heatmap(pc.committee_verb_matrix(paragraphs, meta), language),
               pc.most_cited_bars(cited, language),
               pc.adoption_bars(pc.adoption_counts(meta), language)]
    for fig in figures:
        assert isinstance(fig, Figure)
        fig.canvas.draw()
    assert figures[0].get_suptitle().endswith(
        "Verbs that open the operative paragraphs across the session")
    assert figures[0].axes[0].get_title(loc="left") == ""  # one title, not two
    # The session's longer title stays clear of the legend beside the chart.
    renderer = figures[0].canvas.get_renderer()
    title = figures[0]._suptitle.get_window_extent(renderer)
    assert not title.overlaps(figures[0].legends[0].get_window_extent(renderer))


def test_most_cited_bars_label_every_one_of_many_symbols():
    # One bar per cited symbol however many: the chart grows, no label is dropped or overprinted.
    symbols = [f"A/RES/74/{i}" for i in range(1, 41)]
    cited = pd.DataFrame({"symbol": symbols, "cited_by": range(40, 0, -1),
                          "in_corpus": [True, False] * 20})
    fig = pc.most_cited_bars(cited, "en")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    shown = [t for t in fig.axes[0].get_yticklabels() if t.get_text()]
    assert [t.get_text() for t in shown] == symbols
    boxes = [t.get_window_extent(renderer) for t in shown]
    assert not any(a.overlaps(b) for a, b in itertools.pairwise(boxes))
