"""Charts: each returns a figure with one bar, cell or point per input row.

The inputs are small tables of real values from resolution 68/192 (data/raw/A_RES_68_192_ar.txt).
"""

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.image import AxesImage

from analysis import display, plots


def _paragraphs(rows):
    return pd.DataFrame(rows, columns=["section", "sub", "phrase", "verb", "verb_en",
                                       "verb_class"]).astype("str")


# Operative paragraphs 1, 2, 4, 5 and 13 of 68/192 (lines 133-161), with a sub-paragraph
# that opens with no verb, and preambular paragraphs 1, 5, 9, 10 and 11 (lines 21-71).
PARAGRAPHS = _paragraphs([
    ("operative", "", "تحث", "تحث", "urges", "urges/calls upon"),
    ("operative", "", "تحث", "تحث", "urges", "urges/calls upon"),
    ("operative", "", "تقرّر", "تقرر", "decides", "decides"),
    ("operative", "", "تقرّر أيضا", "تقرر", "decides", "decides"),
    ("operative", "", "تطلب", "تطلب", "requests", "requests"),
    ("operative", "أ", "", "", "", ""),
    ("preamble", "", "إذ تكرر", "تكرر", "reiterating", "recalls/reaffirms"),
    ("preamble", "", "وإذ تشير", "تشير", "recalling", "recalls/reaffirms"),
    ("preamble", "", "وإذ تشير", "تشير", "recalling", "recalls/reaffirms"),
    ("preamble", "", "وإذ تشير أيضاً", "تشير", "recalling", "recalls/reaffirms"),
    ("preamble", "", "وإذ تشير كذلك", "تشير", "recalling", "recalls/reaffirms"),
])
CLASSES = ["decides", "requests", "urges/calls upon", "recalls/reaffirms"]


def _bars(fig: Figure):
    return [p for ax in fig.axes for p in ax.patches]


def _top_down(ax) -> list[str]:
    """The y tick labels as a reader sees them, from the top."""
    ticks = zip(ax.get_yticks(), (t.get_text() for t in ax.get_yticklabels()), strict=True)
    return [text for _, text in sorted(ticks, reverse=True)]


def test_verb_counts_by_class_then_frequency():
    counts = plots.verb_counts(PARAGRAPHS, "operative", class_order=CLASSES)
    # تقرّر and تقرر are one verb (paragraphs 4 and 5); the sub-paragraph has none.
    assert counts[["verb", "verb_en", "count"]].values.tolist() == [
        ["تقرر", "decides", 2], ["تطلب", "requests", 1], ["تحث", "urges", 2]]


def test_verb_counts_default_order_is_by_class_total():
    counts = plots.verb_counts(PARAGRAPHS, "operative")
    assert list(counts["verb_class"]) == ["urges/calls upon", "decides", "requests"]


def test_phrase_counts_merge_and_diacritics_but_keep_adverbs():
    counts = plots.phrase_counts(PARAGRAPHS, "ar")
    # "إذ تكرر" (para 1) and "وإذ تشير" (paras 9-10) differ; أيضاً/كذلك make new phrases.
    got = dict(zip(counts["phrase"], counts["count"], strict=True))
    assert got == {"إذ تشير": 2, "إذ تشير أيضا": 1, "إذ تشير كذلك": 1, "إذ تكرر": 1}


def test_drop_and():
    assert plots.drop_and("وإذ تشير", "ar") == "إذ تشير"
    assert plots.drop_and("وقد نظرت", "ar") == "قد نظرت"
    assert plots.drop_and("وتؤكد", "ar") == "وتؤكد"  # waw not before a particle: kept
    assert plots.drop_and("Recalling", "en") == "Recalling"


def test_verb_bars_one_bar_per_verb_and_english_on_the_right():
    counts = plots.verb_counts(PARAGRAPHS, "operative", class_order=CLASSES)
    fig = plots.verb_bars(counts, language="ar")
    assert isinstance(fig, Figure)
    assert [b.get_width() for b in _bars(fig)] == [2, 1, 2]
    ax = fig.axes[0]
    assert _top_down(ax) == ["تقرر", "تطلب", "تحث"]
    assert _top_down(ax.child_axes[0]) == ["decides", "requests", "urges"]
    assert "Verbs that open the operative paragraphs" in ax.get_title(loc="left")


def test_english_chart_has_english_only():
    counts = pd.DataFrame({"verb": ["decides"], "verb_en": ["decides"],
                           "verb_class": ["decides"], "count": [3]})
    fig = plots.verb_bars(counts, language="en")
    assert fig.axes[0].child_axes == []
    assert fig.axes[0].get_title(loc="left") == "Verbs that open the operative paragraphs"


def test_phrase_bars_one_bar_per_phrase():
    counts = plots.phrase_counts(PARAGRAPHS, "ar")
    assert len(_bars(plots.phrase_bars(counts, language="ar"))) == 4


def test_arabic_labels_are_shaped_on_old_matplotlib(monkeypatch):
    monkeypatch.setattr(display, "matplotlib_shapes_arabic", lambda: False)
    counts = pd.DataFrame({"verb": ["تقرر"], "verb_en": ["decides"], "verb_class": ["decides"],
                           "count": [2]})
    fig = plots.verb_bars(counts, language="ar")
    # تقرر as presentation forms in visual order (see test_display).
    assert fig.axes[0].get_yticklabels()[0].get_text() == "\ufead\ufeae\ufed8\ufe97"


# Mentions in 68/192 as a reader counts them: Member States (الدول الأعضاء) in operative
# paragraphs 1, 2, 9, 10, 11, 15, 17; the Secretary-General (الأمين العام) in 18.
ACTORS = pd.DataFrame({"actor": ["الدول الأعضاء", "الأمين العام"],
                       "actor_en": ["Member States", "Secretary-General"], "count": [7, 1]})


def test_actor_bars():
    fig = plots.actor_bars(ACTORS, language="ar")
    assert [b.get_width() for b in _bars(fig)] == [7, 1]


def test_actor_paragraph_heatmap_cells_and_section_line():
    index = pd.MultiIndex.from_frame(ACTORS[["actor", "actor_en"]])
    columns = pd.MultiIndex.from_tuples(
        [("preamble", "PP2"), ("operative", "OP1"), ("operative", "OP18")])
    matrix = pd.DataFrame([[1, 0, 1], [0, 0, 1]], index=index, columns=columns)
    fig = plots.actor_paragraph_heatmap(matrix, language="ar")
    ax = fig.axes[0]
    image = next(c for c in ax.get_children() if isinstance(c, AxesImage))
    assert image.get_array().shape == (2, 3)
    assert [line.get_xdata()[0] for line in ax.lines] == [0.5]  # the preamble ends
    assert [t.get_text() for t in ax.get_xticklabels()] == ["PP2", "OP1", "OP18"]
    # Rows from the top (row 0 of an image is on top), English on the right.
    english = [t.get_text() for t in ax.child_axes[0].get_yticklabels()]
    assert english == ["Member States", "Secretary-General"]


def test_long_actor_names_become_acronyms_or_wrap_and_keep_the_map_narrow():
    # actors.csv: "Inter-Agency Coordination Group against Trafficking in Persons" is ICAT,
    # the Conference of the Parties to UNTOC (A/RES/68/192 OP2) "UNTOC COP"; the Special
    # Committee on Israeli Practices has no acronym there: two lines, the rest cut
    cop = ("Conference of the Parties to the United Nations Convention against Transnational"
           " Organized Crime")
    icat = "Inter-Agency Coordination Group against Trafficking in Persons"
    israeli = ("Special Committee to Investigate Israeli Practices Affecting the Human Rights"
               " of the Palestinian People and Other Arabs of the Occupied Territories")
    assert plots.short_label(icat) == "ICAT"
    assert plots.short_label(cop) == "UNTOC COP"
    assert plots.short_label("Member States") == "Member States"
    label = plots.short_label(israeli).split("\n")
    assert len(label) == 2 and all(len(line) <= plots.LABEL_CHARS for line in label)
    assert label[0] == "Special Committee to Investigate Israeli"
    assert label[1].endswith(" …") and israeli.startswith(" ".join(label)[:-2])
    index = pd.MultiIndex.from_arrays([[israeli, icat], [israeli, icat]])
    columns = pd.MultiIndex.from_tuples([("operative", f"OP{i}") for i in range(1, 81)])
    fig = plots.actor_paragraph_heatmap(pd.DataFrame(1, index=index, columns=columns), "en")
    assert fig.get_figwidth() <= plots.HEATMAP_WIDTH
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()][1] == "ICAT"


def test_actor_verb_matrix_writes_each_nonzero_count():
    matrix = pd.DataFrame([[2, 1, 0], [0, 0, 1]], index=ACTORS["actor"],
                          columns=["تحث", "تدعو", "تطلب"])
    fig = plots.actor_verb_matrix(matrix, language="ar")
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["1", "1", "2"]


# References of 68/192 with the dates the text gives (lines 27, 45, 67, 69, 71, 113).
TIMELINE = pd.DataFrame({
    "label": ["55/2", "60/1", "64/293", "61/180", "64/178", "67/190", "2013/41", "23/5",
              "A/68/53"],
    "body": ["GA"] * 6 + ["ECOSOC", "HRC", "GA"],
    "date": pd.to_datetime(["2000-09-08", "2005-09-16", "2010-07-30", "2006-12-20",
                            "2009-12-18", "2012-12-20", "2013-07-25", "2013-06-13",
                            "2013-01-01"]),
    "exact": [True] * 8 + [False],
})


def test_timeline_points_filled_and_hollow():
    fig = plots.reference_timeline(TIMELINE, language="ar")
    ax = fig.axes[0]
    filled, hollow = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(filled.get_offsets()) == 8
    assert len(hollow.get_offsets()) == 1
    assert sorted(t.get_text() for t in ax.texts) == sorted(TIMELINE["label"])
    # Lanes from the top: most references first, then by first date (HRC 23/5 is June 2013,
    # ECOSOC 2013/41 July 2013).
    assert _top_down(ax)[::-1] == ["GA", "HRC", "ECOSOC"]


def test_timeline_labels_do_not_overlap():
    # Six GA resolutions of 2000-2013 and a seventh at the same date as one of them.
    crowded = pd.concat([TIMELINE, TIMELINE.iloc[[2]].assign(label="64/294")])
    fig = plots.reference_timeline(crowded, language="en")
    renderer = fig.canvas.get_renderer()
    boxes = [t.get_window_extent(renderer) for t in fig.axes[0].texts]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b)
    axes_box = fig.axes[0].get_window_extent(renderer)
    assert all(axes_box.x0 <= b.x0 and b.x1 <= axes_box.x1 + 1 for b in boxes)


def test_pack():
    assert plots._pack([0, 1, 5, 6], [4, 3, 7, 8]) == [0, 1, 0, 1]


def test_series_comparison_two_bars_per_item():
    counts = pd.DataFrame({"A/RES/68/192": [5, 2, 0], "A/RES/76/186": [4, 3, 3]},
                          index=["invites", "urges", "stresses"])
    fig = plots.series_comparison(counts, "series_verbs", language="en")
    bars = _bars(fig)
    assert len(bars) == 6
    assert _top_down(fig.axes[0]) == ["invites", "urges", "stresses"]  # largest total on top
    assert fig.axes[0].get_title(loc="left") == "Operative verbs (English equivalents)"


def test_series_references_name_bodies_in_arabic_and_english():
    # A/RES/68/192 cites 17 General Assembly resolutions and 2 of the Economic and Social
    # Council (PP4-PP35); the Arabic names are the bodies' UN Arabic names.
    counts = pd.DataFrame({"68/192": [17, 2]},
                          index=["General Assembly", "Economic and Social Council"])
    fig = plots.series_comparison(counts, "series_references", language="ar")
    assert _top_down(fig.axes[0]) == [
        display.plot_text("الجمعية العامة\nGeneral Assembly"),
        display.plot_text("المجلس الاقتصادي والاجتماعي\nEconomic and Social Council")]
    english = plots.series_comparison(counts, "series_references", language="en")
    assert _top_down(english.axes[0]) == ["General Assembly", "Economic and Social Council"]


def test_save_figure_png_and_svg(tmp_path):
    fig = plots.actor_bars(ACTORS, language="ar")
    written = plots.save_figure(fig, "actors", tmp_path / "figures")
    assert [p.name for p in written] == ["actors.png", "actors.svg"]
    assert written[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in written[1].read_bytes()[:500]
    assert plots.save_figure(fig, "actors", None) == []


@pytest.mark.parametrize("language", ["ar", "en"])
def test_labels_bilingual_for_arabic_only(language):
    text = plots.label("paragraphs", language)
    assert text.endswith("paragraphs")
    assert ("\n" in text) is (language == "ar")


def test_style_does_not_leak():
    import matplotlib as mpl

    before = mpl.rcParams["font.size"]
    plots.actor_bars(ACTORS)
    assert mpl.rcParams["font.size"] == before
    assert np.isclose(plots.STYLE["font.size"], 10)


# --- the tables the charts draw -----------------------------------------------------------

def _rows(**columns):
    return pd.DataFrame(columns)


def test_paragraph_labels():
    paragraphs = _rows(part=["", "", "", "A"], section=["preamble", "operative", "operative",
                                                        "operative"],
                       number=pd.array([3, 7, 7, 1], dtype="Int64"), sub=["", "", "a", ""])
    assert list(plots.paragraph_labels(paragraphs)) == ["PP3", "OP7", "OP7", "A OP1"]


# Mentions as actors.mentions_table gives them: 68/192 names Member States in operative
# paragraphs 1 and 2 (as الدول الأعضاء, once with the preposition ب) and the
# Secretary-General in operative paragraph 18 (line 171).
MENTIONS = _rows(
    paragraph=[36, 37, 37, 53], section=["operative"] * 4,
    actor=["member_states", "member_states", "member_states", "secretary_general"],
    name=["Member States", "Member States", "Member States", "Secretary-General"],
    form=["الدول الأعضاء", "الدول الأعضاء", "الدول الأعضاء", "الأمين العام"],
    surface=["الدول الأعضاء", "بالدول الأعضاء", "الدول الأعضاء", "الأمين العام"])
SEED_PARAGRAPHS = _rows(part=[""] * 4, section=["preamble", "operative", "operative",
                                                "operative"],
                        number=pd.array([1, 1, 2, 18], dtype="Int64"), sub=[""] * 4,
                        ).set_axis([0, 36, 37, 53])


def test_actor_counts():
    counts = plots.actor_counts(MENTIONS)
    assert counts[["id", "actor", "actor_en", "count"]].values.tolist() == [
        ["member_states", "الدول الأعضاء", "Member States", 3],
        ["secretary_general", "الأمين العام", "Secretary-General", 1]]


def test_mention_matrix():
    matrix = plots.mention_matrix(MENTIONS, SEED_PARAGRAPHS)
    assert list(matrix.columns) == [("preamble", "PP1"), ("operative", "OP1"),
                                    ("operative", "OP2"), ("operative", "OP18")]
    assert matrix.to_numpy().tolist() == [[0, 1, 2, 0], [0, 0, 0, 1]]
    assert matrix.index[0] == ("الدول الأعضاء", "Member States")
    assert len(plots.mention_matrix(MENTIONS, SEED_PARAGRAPHS, top=1)) == 1


def test_action_matrix_counts_each_addressee():
    # 68/192 OP1 urges Member States; OP18 requests the Secretary-General; a made-up third
    # row addresses both at once ("a|b", as verbs.actions_table writes several addressees).
    actions = _rows(verb=["تحث", "تطلب", "تطلب"], verb_en=["urges", "requests", "requests"],
                    addressee_id=["member_states", "secretary_general",
                                  "member_states|secretary_general"])
    matrix = plots.action_matrix(actions, MENTIONS)
    assert list(matrix.columns) == [("تطلب", "requests"), ("تحث", "urges")]
    assert list(matrix.index.get_level_values("actor_en")) == ["Member States",
                                                               "Secretary-General"]
    assert matrix.to_numpy().tolist() == [[1, 1], [2, 0]]


def test_timeline_points():
    # As references.timeline_table gives them: 64/293 dated by the text (30 July 2010,
    # line 45); 55/67 dated only by its session (approximate, a month).
    timeline = _rows(symbol=["A/RES/64/293", "A/RES/55/67", "UNTS 2225/39574"],
                     body=["General Assembly"] * 2 + ["United Nations Treaty Series"],
                     date=["2010-07-30", "2000-09", None], approximate=[False, True, False])
    points = plots.timeline_points(timeline)
    assert list(points["label"]) == ["A/RES/64/293", "A/RES/55/67"]  # no date: left out
    assert list(points["date"].dt.strftime("%Y-%m-%d")) == ["2010-07-30", "2000-09-01"]
    assert list(points["exact"]) == [True, False]


def test_compare_counts():
    table = plots.compare_counts(
        [pd.Series({"invites": 5, "urges": 2}), pd.Series({"urges": 3, "stresses": 3})],
        ["A/RES/68/192 (ar)", "A/RES/76/186 (ar)"])
    assert table.to_dict("index") == {
        "invites": {"A/RES/68/192 (ar)": 5, "A/RES/76/186 (ar)": 0},
        "urges": {"A/RES/68/192 (ar)": 2, "A/RES/76/186 (ar)": 3},
        "stresses": {"A/RES/68/192 (ar)": 0, "A/RES/76/186 (ar)": 3}}
    assert list(table.index) == ["invites", "urges", "stresses"]


def test_paragraph_lengths_and_structure_bars():
    # 68/192 PP4 (line 27) cites footnotes 1-3; a sub-paragraph counts with its paragraph.
    paragraphs = _rows(part=[""] * 4, section=["preamble", "preamble", "preamble", "operative"],
                       number=pd.array([4, 5, 5, 1], dtype="Int64"), sub=["", "", "أ", ""],
                       text=["وإذ تعيد تأكيد الالتزام", "وإذ تشير إلى", "تشجيع التصديق",
                             "تحث الدول الأعضاء"],
                       footnotes=[[1, 2, 3], [], [], []])
    lengths = plots.paragraph_lengths(paragraphs)
    assert lengths.values.tolist() == [["PP4", "preamble", 4, 3], ["PP5", "preamble", 5, 0],
                                       ["OP1", "operative", 3, 0]]
    fig = plots.structure_bars(lengths, language="ar")
    assert [b.get_height() for b in _bars(fig)] == [4, 5, 3]
    fig.canvas.draw()
    assert [text for text, _ in _drawn(fig.axes[0].xaxis)] == ["PP4", "PP5", "OP1"]
    marks = [c for c in fig.axes[0].collections if isinstance(c, PathCollection)]
    assert len(marks[0].get_offsets()) == 1  # PP4 only


def test_actor_verb_matrix_in_english_shows_the_english_phrase():
    # 76/186 (English) operative paragraph 3: "Calls upon Member States ...".
    columns = pd.MultiIndex.from_tuples([("calls", "calls upon")])
    index = pd.MultiIndex.from_tuples([("Member States", "Member States")])
    fig = plots.actor_verb_matrix(pd.DataFrame([[1]], index=index, columns=columns), "en")
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == ["calls upon"]
    assert fig.axes[0].child_axes == []


def _no_rows(*columns):
    return pd.DataFrame({c: pd.Series(dtype="str") for c in columns})


@pytest.mark.parametrize("chart", [
    lambda: plots.verb_bars(plots.verb_counts(PARAGRAPHS.iloc[:0]), "ar"),
    lambda: plots.phrase_bars(plots.phrase_counts(PARAGRAPHS.iloc[:0], "ar"), "ar"),
    lambda: plots.actor_bars(plots.actor_counts(MENTIONS.iloc[:0]), "en"),
    lambda: plots.actor_verb_matrix(plots.action_matrix(
        _no_rows("verb", "verb_en", "addressee_id"), MENTIONS.iloc[:0]), "ar"),
    lambda: plots.reference_timeline(plots.timeline_points(
        TIMELINE.iloc[:0].rename(columns={"label": "symbol"}).assign(approximate=False)), "ar"),
    lambda: plots.series_comparison(plots.compare_counts(
        [pd.Series(dtype="int64"), pd.Series(dtype="int64")], ["a", "b"]), "series_verbs"),
], ids=["verbs", "phrases", "actors", "actions", "timeline", "series"])
def test_a_resolution_without_any_still_gets_a_chart(chart, tmp_path):
    # A resolution may name no actor of the lexicon or cite nothing: an empty chart, no error.
    assert plots.save_figure(chart(), "empty", tmp_path)[0].stat().st_size > 0


def _drawn(axis) -> list:
    """The tick labels of ``axis`` as last drawn: (text, box on the canvas)."""
    renderer = axis.get_figure(root=True).canvas.get_renderer()
    return [(t.get_text(), t.get_window_extent(renderer)) for t in axis.get_ticklabels()
            if t.get_visible() and t.get_text()]


def _clear(drawn) -> bool:
    return not any(a.overlaps(b) for (_, a), (_, b) in itertools.combinations(drawn, 2))


# As many paragraphs as 75/239 (corpus file 75/en/75_239_E.xml): PP1-PP58, OP1-OP368.
LONG = pd.DataFrame({"label": [f"PP{i}" for i in range(1, 59)]
                     + [f"OP{i}" for i in range(1, 369)],
                     "section": ["preamble"] * 58 + ["operative"] * 368})


def _thinned_to_round_numbers(texts: list[str]) -> None:
    """The first paragraph of each section and every paragraph whose number is a multiple
    of one step, but for a few too close to a section's first."""
    assert texts[0] == "PP1" and "OP1" in texts
    numbers = [int(t[2:]) for t in texts if t not in ("PP1", "OP1")]
    step = math.gcd(*numbers)
    assert step in (2, 5, 10, 20)
    assert len(numbers) >= 58 // step + 368 // step - 4  # but a few beside PP1 and OP1


@pytest.mark.parametrize("dpi", [100, plots.SAVE_DPI])
def test_structure_bars_of_a_long_resolution_thin_labels_so_none_overlaps(dpi):
    fig = plots.structure_bars(LONG.assign(words=50, footnotes=0), language="en")
    fig.set_dpi(dpi)
    fig.canvas.draw()
    drawn = _drawn(fig.axes[0].xaxis)
    assert _clear(drawn)
    _thinned_to_round_numbers([text for text, _ in drawn])


def test_actor_paragraph_map_of_a_long_resolution_thins_paragraphs_not_actors():
    index = pd.MultiIndex.from_frame(ACTORS[["actor", "actor_en"]])
    columns = pd.MultiIndex.from_frame(LONG[["section", "label"]])
    fig = plots.actor_paragraph_heatmap(pd.DataFrame(1, index=index, columns=columns), "ar")
    fig.canvas.draw()
    ax = fig.axes[0]
    drawn = _drawn(ax.xaxis)
    assert _clear(drawn)
    _thinned_to_round_numbers([text for text, _ in drawn])
    assert [text for text, _ in _drawn(ax.child_axes[0].yaxis)] == list(ACTORS["actor_en"])
    assert len(_drawn(ax.yaxis)) == 2


def test_many_bars_keep_every_label_even_beside_a_wrapped_one():
    # The 15 actors 68/192 names most (notebook 03); the Conference of the Parties to UNTOC
    # (OP2) wraps to several lines on both sides and must not hide its neighbours.
    names = [("الدول الأعضاء", "Member States"),
             ("مكتب الأمم المتحدة المعني بالمخدرات والجريمة",
              "United Nations Office on Drugs and Crime"),
             ("المنظمات الدولية", "international organizations"),
             ("فريق التنسيق المشترك بين الوكالات",
              "Inter-Agency Coordination Group against Trafficking in Persons"),
             ("الجمعية العامة", "General Assembly"),
             ("منظومة الأمم المتحدة", "United Nations system"),
             ("منظمات المجتمع المدني", "civil society"),
             ("المنظمات الحكومية الدولية", "intergovernmental organizations"),
             ("الدول", "States"), ("الجهات المعنية", "stakeholders"),
             ("القطاع الخاص", "private sector"),
             ("المنظمات غير الحكومية", "non-governmental organizations"),
             ("الأمين العام", "Secretary-General"),
             ("وكالات الأمم المتحدة", "United Nations entities"),
             ("مؤتمر الأطراف في اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية",
              "Conference of the Parties to the United Nations Convention against"
              " Transnational Organized Crime")]
    left, right = _bar_labels(names, [20, 10, 8, 8, 7, 5, 5, 5, 4, 4, 4, 4, 4, 3, 3])
    assert len(left) == len(right) == 15 and _clear(left) and _clear(right)


def _bar_labels(names: list[tuple[str, str]], counts: list[int]) -> tuple[list, list]:
    """The labels ``actor_bars`` draws on its two sides (Arabic, English) for these actors."""
    fig = plots.actor_bars(pd.DataFrame(names, columns=["actor", "actor_en"]).assign(
        count=counts), language="ar")
    fig.canvas.draw()
    return _drawn(fig.axes[0].yaxis), _drawn(fig.axes[0].child_axes[0].yaxis)


def test_numbering_of_paragraph_labels():
    # 75/101 A-B: part A has PP1, PP2 and one unnumbered operative paragraph.
    assert plots._numbering(["A PP1", "A PP2", "A OP", "B PP1", "B PP2"]) == (
        [0, 2, 3], [1, 2, None, 1, 2])
    assert [plots._nice_step(x) for x in (0.3, 1, 1.2, 3.5, 7, 12)] == [1, 1, 2, 5, 10, 20]


def test_two_wrapped_labels_side_by_side_keep_both_bars_labelled():
    # The sample of session 75 in Arabic (notebook 06): its 14th and 15th actors, the CTBTO
    # Preparatory Commission and the Special Committee on decolonization (C-24), wrap to two
    # lines each in Arabic and sit next to each other
    names = [(f"جهة {i}", f"Actor {i}") for i in range(1, 14)] + [
        ("اللجنة التحضيرية لمنظمة معاهدة الحظر الشامل للتجارب النووية",
         "Preparatory Commission for the Comprehensive Nuclear-Test-Ban Treaty Organization"),
        ("اللجنة الخاصة المعنية بحالة تنفيذ إعلان منح الاستقلال للبلدان والشعوب المستعمرة",
         "Special Committee on the Situation with regard to the Implementation of the"
         " Declaration on the Granting of Independence to Colonial Countries and Peoples")]
    left, right = _bar_labels(names, [70, 39, 27, 26, 21, 11, 6, 5, 5, 4, 4, 4, 4, 3, 3])
    assert len(left) == len(right) == 15 and _clear(left) and _clear(right)
    assert [text for text, _ in right][-2:] == ["CTBTO", "C-24"]
