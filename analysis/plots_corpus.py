"""Charts of a whole session (a ``Corpus``), in the style of ``plots``.

As in ``plots``, the ``*_counts``/``*_matrix`` functions make the small tables a chart draws
and the chart functions return a matplotlib Figure, bilingual (Arabic above English) for
Arabic corpora. Pass one language's rows: a corpus holding the Arabic and English versions
of the same resolutions would otherwise count everything twice. Committees are grouped by the
UN metadata's committee when it was joined (``un_committee``), else by the document's own.
"""

from __future__ import annotations

import csv
import functools
from importlib import resources

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from . import plots
from .display import plot_text
from .phrases import normalize_word
from .plots import GREY, PALETTE, _bar_height, _figure, _item_ticks, _max_width, _styled

#: The committee of a resolution adopted in plenary without a Main Committee's report.
PLENARY = "Without reference to a Main Committee"
ADOPTION = ("recorded_vote", "without_vote", "unknown")
_ADOPTION_COLOURS = {"recorded_vote": PALETTE[5], "without_vote": PALETTE[2],
                     "unknown": GREY}


@functools.cache
def _label_rows() -> tuple[dict, ...]:
    with resources.files("analysis").joinpath("data/corpus_chart_labels.csv").open(
            encoding="utf-8") as f:
        return tuple(csv.DictReader(f))


def corpus_label(key: str, language: str) -> str:
    """A chart label from ``data/corpus_chart_labels.csv`` (Arabic above English for
    Arabic corpora); a key it does not have is shown as is."""
    row = next((r for r in _label_rows() if r["key"] == key), None)
    if row is None:
        return key
    return plot_text(f"{row['ar']}\n{row['en']}") if language == "ar" else row["en"]


def committee_order() -> list[str]:
    """Committees' short English names, plenary first, then First to Sixth."""
    return list(dict.fromkeys(r["en"] for r in _label_rows() if r["group"] == "committee"))


def committee_of(meta: pd.DataFrame) -> pd.Series:
    """Each resolution's committee as a short English name ("Fourth Committee"; the
    plenary's is "Plenary (no Main Committee)")."""
    names = {r["key"]: r["en"] for r in _label_rows() if r["group"] == "committee"}
    raw = meta["committee"] if "committee" in meta else pd.Series(pd.NA, index=meta.index)
    if "un_committee" in meta:
        raw = meta["un_committee"].where(meta["un_committee"].notna(), raw)
    raw = raw.where(raw.notna() & (raw != ""), PLENARY)
    return raw.map(lambda c: names.get(c, c)).astype("str")


def _committee_labels(committees, language: str) -> list[str]:
    arabic = {r["en"]: r["ar"] for r in _label_rows() if r["group"] == "committee"}
    if language != "ar":
        return list(committees)
    return [plot_text(f"{arabic.get(c, c)}\n{c}") for c in committees]


# --- tables for the charts -------------------------------------------------------------


def _verb_key(main: pd.DataFrame) -> pd.Series:
    """One key per bar the verb charts draw: a verb's English equivalent in any language
    ("reaffirms" for both "تؤكد من جديد" and "تعيد تأكيد"; "stresses" for "تؤكد" alone), or
    its written head verb, normalized, when the lexicon has no equivalent."""
    keys = [en or normalize_word(verb, language)
            for verb, en, language in zip(main["verb"], main["verb_en"], main["language"],
                                          strict=True)]
    return pd.Series(keys, index=main.index, dtype="str")


def _most_common(values: pd.Series):
    return values.value_counts(sort=True).index[0]


def _session_verbs(paragraphs: pd.DataFrame, section: str) -> pd.DataFrame:
    """``session_verb_counts`` with each row's ``_key`` (``_verb_key``)."""
    main = plots.main_paragraphs(paragraphs, section)
    columns = ["verb", "verb_en", "verb_class", "count", "resolutions", "_key"]
    rows = []
    for key, group in main.groupby(_verb_key(main), sort=False):
        english = _most_common(group["verb_en"])
        rows.append({"verb": _most_common(group["verb"]), "verb_en": english,
                     "verb_class": group.loc[group["verb_en"] == english, "verb_class"].iloc[0],
                     "count": len(group), "resolutions": group["symbol"].nunique(),
                     "_key": key})
    counts = pd.DataFrame(rows, columns=columns).astype({"count": "int64",
                                                         "resolutions": "int64"})
    return counts.sort_values(["count", "resolutions"], ascending=False,
                              kind="stable").reset_index(drop=True)


def session_verb_counts(paragraphs: pd.DataFrame, section: str = "operative") -> pd.DataFrame:
    """Opening verbs of one section's main paragraphs over many resolutions, most frequent
    first: verb (its most common written form), verb_en (its most common English
    equivalent), verb_class (that equivalent's), count, resolutions.

    A verb is one row per label the chart draws (see ``_verb_key``): written variants and
    the verb's several English equivalents count together.
    """
    return _session_verbs(paragraphs, section).drop(columns="_key")


def committee_verb_matrix(paragraphs: pd.DataFrame, meta: pd.DataFrame, top: int = 12,
                          section: str = "operative") -> pd.DataFrame:
    """Share (%) of each committee's main paragraphs that open with each of the ``top``
    verbs of the whole corpus: rows (verb, verb_en), columns committees in UN order."""
    main = plots.main_paragraphs(paragraphs, section)
    committees = meta.assign(_committee=committee_of(meta))[["symbol", "language",
                                                             "_committee"]]
    main = main.merge(committees, on=["symbol", "language"], how="left")
    main = main.assign(_key=_verb_key(main).to_numpy())
    counts = _session_verbs(paragraphs, section).head(top)
    keys = counts["_key"]
    order = [c for c in committee_order() if c in set(main["_committee"])]
    order += sorted(set(main["_committee"]) - set(order))
    totals = main.groupby("_committee").size()
    table = main[main["_key"].isin(set(keys))].groupby(["_key", "_committee"]).size()
    matrix = pd.DataFrame(0.0, index=pd.MultiIndex.from_arrays(
        [counts["verb"], counts["verb_en"]], names=["verb", "verb_en"]), columns=order)
    for (key, committee), n in table.items():
        row = int(np.flatnonzero(keys.to_numpy() == key)[0])
        matrix.iloc[row, order.index(committee)] = 100.0 * n / totals[committee]
    return matrix


def adoption_counts(meta: pd.DataFrame) -> pd.DataFrame:
    """Resolutions (each symbol once) per committee adopted by recorded vote, without a
    vote, or not known (no UN metadata): one row per committee in UN order."""
    once = meta.drop_duplicates("symbol")
    vote = (once["recorded_vote"] if "recorded_vote" in once
            else pd.Series(pd.NA, index=once.index, dtype="boolean"))
    kind = np.where(vote.isna(), "unknown",
                    np.where(vote.fillna(False).astype(bool), "recorded_vote", "without_vote"))
    table = pd.crosstab(committee_of(once).to_numpy(), kind)
    order = [c for c in committee_order() if c in table.index]
    order += sorted(set(table.index) - set(order))
    table = table.reindex(index=order, columns=list(ADOPTION), fill_value=0)
    table.index.name, table.columns.name = "committee", None
    return table.astype("int64")


# --- charts ------------------------------------------------------------------------------


def _retitled(fig: Figure, key: str, language: str) -> Figure:
    """``fig`` under a session's title, above the chart and its legend (a longer title than
    the chart's own would run into the legend beside the axes)."""
    with plots.mpl.rc_context(plots.STYLE):
        fig.axes[0].set_title("", loc="left")
        fig.suptitle(corpus_label(key, language), x=0.01, ha="left",
                     fontsize=plots.STYLE["axes.titlesize"],
                     fontweight=plots.STYLE["axes.titleweight"])
    return fig


def session_verb_bars(counts: pd.DataFrame, language: str = "en") -> Figure:
    """``plots.verb_bars`` of ``session_verb_counts``, titled for a session."""
    return _retitled(plots.verb_bars(counts, language), "session_verbs_title", language)


def session_actor_bars(counts: pd.DataFrame, language: str = "en") -> Figure:
    """``plots.actor_bars`` of ``plots.actor_counts(corpus.mentions)``, for a session."""
    return _retitled(plots.actor_bars(counts, language), "session_actors_title", language)


@_styled
def committee_verb_heatmap(matrix: pd.DataFrame, language: str = "en") -> Figure:
    """``committee_verb_matrix`` as shades of blue, the percentage written in each cell."""
    rows, cols = matrix.shape
    verbs = [str(v) for v in matrix.index.get_level_values(0)]
    english = [str(v) for v in matrix.index.get_level_values(1)]
    fig = _figure(8.0, 2.4 + 0.32 * max(rows, 1) + (0.5 if language == "ar" else 0.0))
    sides = _max_width(fig, [plot_text(v) for v in verbs]) + (
        _max_width(fig, english) if language != "en" else 0.0)
    fig.set_figwidth(min(max(sides + 1.0 * cols + 1.0, 6.0), 20.0))
    ax = fig.add_subplot()
    values = matrix.to_numpy(dtype=float)
    top = max(float(np.nanmax(values, initial=0.0)), 1.0)
    ax.imshow(values, aspect="auto", cmap="Blues", vmin=0, vmax=top, interpolation="nearest")
    ax.set_xticks(range(cols), _committee_labels(matrix.columns, language), rotation=30,
                  ha="right", fontsize=9)
    for (r, c), v in np.ndenumerate(values):
        if v > 0:
            ax.text(c, r, f"{v:.0f}", ha="center", va="center", fontsize=8,
                    color="white" if v > 0.55 * top else "black")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    labelled = [(ax.yaxis, [plot_text(v) for v in (english if language == "en" else verbs)],
                 {})]
    if language != "en":
        right = ax.secondary_yaxis("right")
        labelled.append((right.yaxis, english, {"labelcolor": "#444444"}))
        right.tick_params(length=0)
        right.spines["right"].set_visible(False)
    _item_ticks(ax, "y", np.arange(rows), *labelled)
    ax.set_xlabel(corpus_label("committee", language))
    ax.set_title(corpus_label("committee_verbs_title", language), loc="left")
    return fig


def _count_labels(ax, ends, y) -> None:
    for yi, value in zip(y, ends, strict=True):
        ax.annotate(str(int(value)), (value, yi), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=9)


@_styled
def most_cited_bars(table: pd.DataFrame, language: str = "en") -> Figure:
    """Bars of ``CitationNetwork.most_cited`` (symbol, cited_by, in_corpus): how many
    resolutions cite each, coloured by whether it is itself in the corpus."""
    n = len(table)
    fig = _figure(plots._WIDTH, _bar_height(n))
    ax = fig.add_subplot()
    y = np.arange(n)[::-1]
    inside = table["in_corpus"].to_numpy(dtype=bool)
    ax.barh(y, table["cited_by"], height=0.7,
            color=np.where(inside, PALETTE[0], PALETTE[1]))
    _count_labels(ax, table["cited_by"], y)
    ax.set_xlim(0, max(table["cited_by"].max() if n else 1, 1) * 1.12)
    ax.set_ylim(-0.6, n - 0.4)
    _item_ticks(ax, "y", y, (ax.yaxis, list(table["symbol"]), {}))
    ax.xaxis.set_major_locator(plots.mpl.ticker.MaxNLocator(integer=True))
    ax.set_xlabel(corpus_label("citing", language))
    ax.set_title(corpus_label("cited_title", language), loc="left")
    handles = [Patch(color=PALETTE[0], label=corpus_label("in_corpus", language)),
               Patch(color=PALETTE[1], label=corpus_label("outside", language))]
    fig.legend(handles=handles, loc="outside right upper", frameon=False, fontsize=9)
    return fig


@_styled
def adoption_bars(counts: pd.DataFrame, language: str = "en") -> Figure:
    """Stacked bars of ``adoption_counts``: per committee, resolutions adopted by recorded
    vote and without a vote."""
    kinds = [k for k in ADOPTION if counts[k].sum() > 0 or k != "unknown"]
    n = len(counts)
    committees = _committee_labels(counts.index, language)
    fig = _figure(plots._WIDTH, _bar_height(n, committees) + (0.4 if language == "ar" else 0.0))
    ax = fig.add_subplot()
    y = np.arange(n)[::-1]
    left = np.zeros(n)
    for kind in kinds:
        values = counts[kind].to_numpy(dtype=float)
        ax.barh(y, values, left=left, height=0.7, color=_ADOPTION_COLOURS[kind],
                label=corpus_label(kind, language).replace("\n", " / "))
        for yi, x0, v in zip(y, left, values, strict=True):
            if v > 0:
                ax.text(x0 + v / 2, yi, str(int(v)), ha="center", va="center", fontsize=9,
                        color="white")
        left += values
    ax.set_ylim(-0.6, n - 0.4)
    _item_ticks(ax, "y", y, (ax.yaxis, committees, {}))
    ax.set_xlim(0, max(left.max(initial=0.0), 1.0) * 1.05)
    ax.xaxis.set_major_locator(plots.mpl.ticker.MaxNLocator(integer=True))
    ax.set_xlabel(corpus_label("resolutions", language))
    ax.set_title(corpus_label("adoption_title", language), loc="left")
    fig.legend(loc="outside lower center", ncols=len(kinds), frameon=False, fontsize=9)
    return fig
