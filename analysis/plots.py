"""Charts of a resolution: one module, one style, Arabic laid out right to left.

Every chart function takes a small DataFrame (the counts or matrix it draws; the ``*_counts``
and ``*_matrix`` functions make them from a Resolution's tables) and returns a matplotlib
Figure. Titles and axes are bilingual (Arabic above English) for Arabic resolutions and
English otherwise. Labels go through ``display.plot_text``, so the same code draws correct
Arabic on matplotlib 3.11+ (which shapes it) and on older releases (shaped here).
``save_figure`` is the one place figures are written (PNG and SVG).
"""

from __future__ import annotations

import bisect
import csv
import functools
import itertools
import textwrap
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import matplotlib as mpl
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .arabic import dediac_ar, remove_tatweel_ar
from .display import plot_text
from .phrases import normalize_word, words

#: DejaVu Sans ships with matplotlib and has Arabic glyphs, so no system font is needed.
FONT_FAMILY = ["DejaVu Sans"]
STYLE = {
    "font.family": "sans-serif",
    "font.sans-serif": FONT_FAMILY,
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "figure.dpi": 100,
    "svg.fonttype": "path",
}
#: Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000"]
GREY = "#9a9a9a"
SAVE_DPI = 150
# Width of most charts, in inches (the axes area of the time line).
_WIDTH = 9.0
#: Widest heat map, in inches: a notebook page shows about this much at full size.
HEATMAP_WIDTH = 13.0


@functools.cache
def chart_labels() -> dict[str, tuple[str, str]]:
    """Chart label key -> (Arabic, English), from ``data/chart_labels.csv``."""
    with resources.files("analysis").joinpath("data/chart_labels.csv").open(
            encoding="utf-8") as f:
        return {row["key"]: (row["ar"], row["en"]) for row in csv.DictReader(f)}


def label(key: str, language: str) -> str:
    """A chart label: Arabic above English for Arabic documents, English otherwise."""
    ar, en = chart_labels()[key]
    return plot_text(f"{ar}\n{en}") if language == "ar" else en


def _styled(func):
    """Draw inside the house style, whatever the caller's rcParams are."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with mpl.rc_context(STYLE):
            return func(*args, **kwargs)

    return wrapper


def _figure(width: float, height: float, layout: str | None = "constrained") -> Figure:
    # Figure() rather than pyplot: no global state, nothing left open, no figure shown twice
    # in Jupyter (once by pyplot, once as the cell's value). Agg measures text.
    fig = Figure(figsize=(width, height), layout=layout)
    FigureCanvasAgg(fig)
    return fig


def _width_inches(text) -> float:
    return text.get_window_extent(text.figure.canvas.get_renderer()).width / text.figure.dpi


def _text_sizes(fig: Figure, strings: Sequence[str], size: float | None = None
                ) -> tuple[np.ndarray, np.ndarray]:
    """Width and height in points of each of ``strings`` in the current font at ``size``
    (points; None: the default size)."""
    renderer = fig.canvas.get_renderer()
    sizes = np.zeros((len(strings), 2))
    for i, s in enumerate(strings):
        t = fig.text(0, 0, s, fontsize=size)
        box = t.get_window_extent(renderer)
        sizes[i] = box.width, box.height
        t.remove()
    sizes *= 72 / fig.dpi
    return sizes[:, 0], sizes[:, 1]


def _max_width(fig: Figure, strings: Sequence[str]) -> float:
    """Width in inches of the widest of ``strings`` in the current font."""
    return float(_text_sizes(fig, strings)[0].max(initial=0.0)) / 72


# --- one tick label per item, as many as fit ------------------------------------------

#: Free space between two tick labels, in points.
_LABEL_GAP = 2.0


def _label_extents(fig: Figure, labels: Sequence[str], size: float | None,
                   rotation: float, which: str) -> np.ndarray:
    """Length in points along the axis (``which``: "x" or "y") of each label centred on its
    tick.

    Two equal boxes w x h turned by an angle a from the axis, d apart along it, are clear of
    each other when d |cos a| >= w or d |sin a| >= h (separated along the text's own
    direction or across it): the smaller of w / |cos a| and h / |sin a|.
    """
    width, height = _text_sizes(fig, labels, size)
    angle = np.radians(rotation - (90.0 if which == "y" else 0.0))
    along, across = abs(np.cos(angle)), abs(np.sin(angle))
    return np.minimum(width / along if along > 1e-6 else np.inf,
                      height / across if across > 1e-6 else np.inf)


def _nice_step(need: float) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, ... that is at least ``need``."""
    scale = 1
    while True:
        for step in (1, 2, 5):
            if step * scale >= need:
                return step * scale
        scale *= 10


def _numbering(labels: Sequence[str]) -> tuple[list[int], list[int | None]]:
    """Where each run of labels that differ only in their final number starts, and each
    label's number: "PP1".."PP9", "B OP1".. are runs "PP", "B OP"; a label without a final
    number has none."""
    starts, numbers, previous = [], [], None
    for i, text in enumerate(labels):
        prefix = text.rstrip("0123456789")
        numbers.append(int(text[len(prefix):]) if len(prefix) < len(text) else None)
        if prefix != previous:
            starts.append(i)
        previous = prefix
    return starts, numbers


def _spaced(coords: np.ndarray, extents: np.ndarray, order: Sequence[int]) -> list[int]:
    """The items of ``order`` kept in turn when their label (``extents`` long, centred on
    ``coords``) and a gap are clear of every label kept before; in item order.

    Checking the two nearest kept labels is enough: a label beyond them is farther away
    and clear of them."""
    kept: list[float] = []
    half: list[float] = []
    chosen = []
    for i in order:
        c, h = coords[i], extents[i] / 2
        j = bisect.bisect_left(kept, c)
        if ((j == 0 or c - kept[j - 1] >= half[j - 1] + h + _LABEL_GAP)
                and (j == len(kept) or kept[j] - c >= half[j] + h + _LABEL_GAP)):
            kept.insert(j, c)
            half.insert(j, h)
            chosen.append(i)
    return sorted(chosen)


class _ItemLocator(mpl.ticker.Locator):
    """Ticks at the items whose labels fit on the axis as it is drawn.

    The axis length is read at each draw (after the layout, at the saving resolution), so
    the choice holds for the figure as shown and as saved. Items are one data unit apart;
    every item is labelled when the labels fit, else every k-th (k = 1, 2, 5, 10, 20, ...,
    from the median label length): the items whose number is a multiple of k, and the first
    item of each run (``starts``), which come first; a label too close to one already kept
    is left out (so one tall label does not thin all the others).
    """

    def __init__(self, ax, which: str, positions: np.ndarray, extents: np.ndarray,
                 starts: Sequence[int], numbers: Sequence[int | None]):
        self.ax, self.which, self.positions, self.extents = ax, which, positions, extents
        self.starts, self.numbers = list(starts), list(numbers)

    def shown(self) -> list[int]:
        """Indices of the items labelled at the axes' current size."""
        box = self.ax.get_window_extent()
        length = (box.width if self.which == "x" else box.height) * 72 / self.ax.figure.dpi
        lo, hi = self.ax.get_xlim() if self.which == "x" else self.ax.get_ylim()
        if len(self.positions) == 0 or length <= 0 or hi == lo:  # nothing to judge by
            return list(range(len(self.positions)))
        per_unit = length / abs(hi - lo)
        step = _nice_step((np.median(self.extents) + _LABEL_GAP) / per_unit)
        first = set(self.starts)
        order = self.starts + [i for i, n in enumerate(self.numbers)
                               if n is not None and n % step == 0 and i not in first]
        return _spaced(self.positions * per_unit, self.extents, order)

    def __call__(self):
        return self.positions[self.shown()]

    def tick_values(self, vmin, vmax):
        return self()


def _item_ticks(ax, which: str, positions, *labelled, numbered: bool = False) -> None:
    """One tick per item at ``positions`` (one data unit apart, items in reading order) on
    the ``which`` ("x" or "y") axis of ``ax``, each label only when it has room.

    ``labelled`` is one or more (axis, labels, tick_params): ``ax``'s own axis and a
    secondary axis beside it that labels the same items (the English of each); all show the
    same items. With ``numbered``, labels ending in a number (paragraphs "B OP12") are
    thinned to round numbers and the first of each run; otherwise items count 1, 2, 3...
    """
    positions = np.asarray(positions, dtype=float)
    fig = ax.figure
    extents = np.max([_label_extents(fig, labels, params.get("labelsize"),
                                     params.get("labelrotation", 0.0), which)
                      for _, labels, params in labelled], axis=0, initial=0.0)
    first_labels = labelled[0][1]
    starts, numbers = (_numbering(first_labels) if numbered
                       else ([0], list(range(1, len(first_labels) + 1))))
    for axis, labels, params in labelled:
        text = dict(zip(positions.tolist(), labels, strict=True))
        axis.set_major_locator(_ItemLocator(ax, which, positions, extents, starts, numbers))
        axis.set_major_formatter(mpl.ticker.FuncFormatter(
            lambda v, _, text=text: text.get(float(v), "")))
        axis.set_tick_params(which="major", **params)


#: Longest label line, in characters: a longer name is shortened or wrapped (``short_label``).
LABEL_CHARS = 40


@functools.cache
def _acronyms() -> dict[str, str]:
    """English actor name -> its acronym in the actor lexicon (names that have one)."""
    from .actors import actors

    table = actors()
    return {n: a for n, a in zip(table["name"], table["acronym"], strict=True) if a}


def short_label(name: str, width: int = LABEL_CHARS, lines: int = 2) -> str:
    """A chart label no wider than ``width`` characters a line and ``lines`` lines: a long
    name becomes its acronym when the actor lexicon has one, else it is wrapped at word
    boundaries and, longer still, cut with "…".

    A single long name would otherwise widen the whole figure and shrink every other label
    when the page scales it down, or grow taller than its bar's row.
    """
    if len(name) <= width:
        return name
    acronym = _acronyms().get(name, "")
    return acronym or textwrap.fill(name, width, break_long_words=False, max_lines=lines,
                                    placeholder=" …")


def item_label(item: str, language: str) -> str:
    """An item drawn by name (a body): Arabic above English for Arabic documents when
    ``data/chart_labels.csv`` has it, each line shortened by ``short_label``."""
    if language == "ar" and item in chart_labels():
        ar, en = chart_labels()[item]
        return plot_text(f"{short_label(ar)}\n{short_label(en)}")
    return plot_text(short_label(item))


def save_figure(fig: Figure, name: str, out_dir: str | Path | None) -> list[Path]:
    """Write ``fig`` as ``name``.png and ``name``.svg into ``out_dir``; nothing when it is None."""
    if out_dir is None:
        return []
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for ext in ("png", "svg"):
        path = out / f"{name}.{ext}"
        fig.savefig(path, dpi=SAVE_DPI, facecolor="white",
                    metadata={"Date": None} if ext == "svg" else None)
        written.append(path)
    return written


# --- tables for the charts -------------------------------------------------------------


def main_paragraphs(paragraphs: pd.DataFrame, section: str) -> pd.DataFrame:
    """Main (not sub-) paragraphs of one section that open with a verb."""
    keep = ((paragraphs["section"] == section) & (paragraphs["sub"] == "")
            & (paragraphs["verb"] != ""))
    return paragraphs.loc[keep]


def _class_sorted(counts: pd.DataFrame, class_order: Sequence[str] | None) -> pd.DataFrame:
    """Rows grouped by class (in ``class_order``, else by class total), most frequent first."""
    counts = counts.copy()
    counts["verb_class"] = counts["verb_class"].fillna("")
    if class_order is None:
        totals = counts.groupby("verb_class", sort=False)["count"].sum()
        class_order = [c for c in totals.sort_values(ascending=False, kind="stable").index if c]
    rank = {c: i for i, c in enumerate(class_order)}
    counts["_rank"] = counts["verb_class"].map(lambda c: rank.get(c, len(rank)))
    out = counts.sort_values(["_rank", "count"], ascending=[True, False], kind="stable")
    return out.drop(columns="_rank").reset_index(drop=True)


def verb_counts(paragraphs: pd.DataFrame, section: str = "operative",
                class_order: Sequence[str] | None = None) -> pd.DataFrame:
    """Head verbs of one section's main paragraphs: verb, verb_en, verb_class, count."""
    main = main_paragraphs(paragraphs, section)
    counts = (main.groupby(["verb", "verb_en", "verb_class"], sort=False).size()
              .rename("count").reset_index())
    return _class_sorted(counts, class_order)


# Waw ("and", U+0648) is written joined to the next word; before these particles (اذ, قد,
# normalized) it is only the conjunction that every preambular paragraph but the first has.
_AR_AND = "\u0648"
_AR_AND_BEFORE = frozenset(("\u0627\u0630", "\u0642\u062f"))


def drop_and(phrase: str, language: str) -> str:
    """"وإذ تشير" -> "إذ تشير": the same phrase without the joining "and"."""
    phrase = phrase.strip()
    first = phrase.split(maxsplit=1)[0] if phrase else ""
    if (language == "ar" and first.startswith(_AR_AND)
            and normalize_word(first[1:], "ar") in _AR_AND_BEFORE):
        return phrase[1:]
    return phrase


def phrase_counts(paragraphs: pd.DataFrame, language: str, section: str = "preamble",
                  class_order: Sequence[str] | None = None) -> pd.DataFrame:
    """Opening phrases of one section: phrase, verb, verb_en, verb_class, count.

    Diacritics, tatweel, case and a joined "and" do not split a phrase; ``phrase`` is its
    most common written form (without diacritics).
    """
    main = main_paragraphs(paragraphs, section)
    columns = ["phrase", "verb", "verb_en", "verb_class", "count"]
    if main.empty:
        return pd.DataFrame(columns=columns)
    shown = main["phrase"].map(lambda p: drop_and(remove_tatweel_ar(dediac_ar(p)), language))
    keys = shown.map(lambda p: tuple(normalize_word(m.group(), language) for m in words(p)))
    rows = []
    for _, group in main.assign(_key=keys, _shown=shown).groupby("_key", sort=False):
        rows.append({"phrase": group["_shown"].value_counts().index[0],
                     "verb": group["verb"].iloc[0], "verb_en": group["verb_en"].iloc[0],
                     "verb_class": group["verb_class"].iloc[0], "count": len(group)})
    return _class_sorted(pd.DataFrame(rows, columns=columns), class_order)


#: Short paragraph labels: PP3 is preambular paragraph 3, OP12 operative paragraph 12.
SECTION_PREFIX = {"preamble": "PP", "operative": "OP", "annex": "AN"}


def paragraph_labels(paragraphs: pd.DataFrame) -> pd.Series:
    """A label per paragraph row: "PP3", "OP12" ("A OP1" in part A); sub-paragraphs share
    the label of the paragraph they belong to."""
    def one(part: str, section: str, number) -> str:
        text = SECTION_PREFIX.get(section, section[:2].upper()) + (
            "" if pd.isna(number) else str(int(number)))
        return f"{part} {text}" if part else text

    return pd.Series([one(*row) for row in zip(paragraphs["part"], paragraphs["section"],
                                               paragraphs["number"], strict=True)],
                     index=paragraphs.index, dtype="str")


def paragraph_lengths(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Words and footnote markers per paragraph, sub-paragraphs counted with their paragraph:
    label, section, words, footnotes, in document order."""
    labels = paragraph_labels(paragraphs)
    frame = pd.DataFrame({
        "label": labels, "section": paragraphs["section"],
        "words": paragraphs["text"].map(lambda t: len(words(t))),
        "footnotes": paragraphs["footnotes"].map(len)})
    table = frame.groupby(["label", "section"], sort=False)[["words", "footnotes"]].sum()
    return table.reset_index().astype({"words": "int64", "footnotes": "int64"})


def actor_counts(mentions: pd.DataFrame) -> pd.DataFrame:
    """Mentions per actor, most mentioned first: id, actor (its most common written form),
    actor_en (its English name in the lexicon), count."""
    columns = ["id", "actor", "actor_en", "count"]
    rows = [{"id": actor, "actor": group["form"].value_counts().index[0],
             "actor_en": group["name"].iloc[0], "count": len(group)}
            for actor, group in mentions.groupby("actor", sort=False)]
    counts = pd.DataFrame(rows, columns=columns)
    counts["count"] = counts["count"].astype("int64")
    return counts.sort_values("count", ascending=False, kind="stable").reset_index(drop=True)


def _actor_index(counts: pd.DataFrame) -> pd.MultiIndex:
    return pd.MultiIndex.from_arrays([counts["actor"], counts["actor_en"]],
                                     names=["actor", "actor_en"])


def mention_matrix(mentions: pd.DataFrame, paragraphs: pd.DataFrame,
                   top: int | None = None) -> pd.DataFrame:
    """Mentions of each actor (rows, most mentioned first) in each paragraph (columns, in
    document order, sub-paragraphs counted with their paragraph).

    Rows are indexed by (written form, English name); columns by (section, label), so that
    the chart can mark where the preamble ends. ``top`` keeps the most mentioned actors.
    """
    counts = actor_counts(mentions)
    if top is not None:
        counts = counts.head(top)
    labels = paragraph_labels(paragraphs)
    columns = pd.MultiIndex.from_arrays(
        [paragraphs["section"], labels]).drop_duplicates()
    table = (mentions.assign(_label=labels.reindex(mentions["paragraph"]).to_numpy())
             .groupby(["actor", "section", "_label"]).size())
    matrix = pd.DataFrame(0, index=_actor_index(counts), columns=columns, dtype="int64")
    for (actor, section, lab), n in table.items():
        row = counts.index[counts["id"] == actor]
        if len(row):
            matrix.iloc[row[0], columns.get_loc((section, lab))] = n
    return matrix


def action_matrix(actions: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """How often each actor is the addressee of each verb: rows (written form, English name)
    most addressed first, columns (verb, verb_en) most used first.

    ``addressee_id`` may name several actors ("a|b"); each is counted. Actors are named as
    in ``actor_counts`` of the mentions.
    """
    addressed = actions.loc[actions["addressee_id"] != "", ["verb", "verb_en", "addressee_id"]]
    pairs = addressed.assign(actor=addressed["addressee_id"].str.split("|")).explode("actor")
    table = pairs.groupby(["actor", "verb", "verb_en"], sort=False).size()
    names = actor_counts(mentions).set_index("id")
    actors = table.groupby(level="actor", sort=False).sum().sort_values(
        ascending=False, kind="stable").index
    verbs = table.groupby(level=["verb", "verb_en"], sort=False).sum().sort_values(
        ascending=False, kind="stable").index
    index = pd.MultiIndex.from_arrays(
        [[names["actor"].get(a, a) for a in actors],
         [names["actor_en"].get(a, a) for a in actors]], names=["actor", "actor_en"])
    matrix = pd.DataFrame(0, index=index, columns=verbs, dtype="int64")
    for (actor, verb, verb_en), n in table.items():
        matrix.iloc[actors.get_loc(actor), verbs.get_loc((verb, verb_en))] = n
    return matrix


def compare_counts(counts: Sequence[pd.Series], names: Sequence[str]) -> pd.DataFrame:
    """Counts of the same kind of item in several resolutions side by side, one column each
    (0 where a resolution has none), items with the largest total first."""
    table = pd.concat(list(counts), axis=1, keys=list(names)).fillna(0).astype("int64")
    order = table.sum(axis=1).sort_values(ascending=False, kind="stable").index
    return table.loc[order]


def timeline_points(timeline: pd.DataFrame) -> pd.DataFrame:
    """``Resolution.timeline()`` as the time line draws it: label (the symbol), body, date
    (a datetime: the first day of the month or year when only that is known) and exact.

    References without any date are left out.
    """
    dated = timeline[timeline["date"].notna() & (timeline["date"] != "")]
    return pd.DataFrame({
        "label": dated["symbol"].astype("str"),
        "body": dated["body"].astype("str"),
        "date": pd.to_datetime(dated["date"], format="ISO8601"),
        "exact": ~dated["approximate"].astype(bool),
    }).reset_index(drop=True)


# --- charts ------------------------------------------------------------------------------


def _class_colours(classes: Sequence[str]) -> dict[str, str]:
    named = [c for c in dict.fromkeys(classes) if c]
    colours = {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(named)}
    colours[""] = GREY
    return colours


def _bar_height(n: int, *labels: Sequence[str]) -> float:
    """Height of ``n`` bars, evenly spaced: as far apart as the two neighbouring rows whose
    labels (in any of ``labels``, one label per row each) have the most lines need, so that
    every bar keeps its label."""
    lines = [max(s.count("\n") for s in row) + 1 for row in zip(*labels, strict=True)]
    pair = max(((a + b) / 2 for a, b in itertools.pairwise(lines)),
               default=max(lines, default=1))
    return 1.3 + (0.32 + 0.22 * (pair - 1)) * max(n, 1)


def _hbars(counts: pd.DataFrame, label_col: str, english_col: str, colours: list[str],
           title_key: str, xlabel_key: str, language: str, extra_width: float = 0.0
           ) -> Figure:
    """Horizontal bars, one per row of ``counts`` (first row on top), the count at each end.

    The left axis shows ``label_col`` as written; for documents not in English the right
    axis shows ``english_col``, the English equivalent. ``extra_width`` (inches) is kept
    for a legend beside the chart.
    """
    n = len(counts)
    shown = [counts[label_col].astype(str)] + (
        [counts[english_col].astype(str)] if language != "en" else [])
    fig = _figure(_WIDTH, _bar_height(n, *shown))
    # Room for the labels on both sides, and at least 4 inches of bars between them.
    sides = _max_width(fig, [plot_text(s) for s in counts[label_col]]) + (
        _max_width(fig, list(counts[english_col])) if language != "en" else 0.0)
    fig.set_figwidth(min(max(_WIDTH, sides + extra_width + 4.5), 20.0))
    ax = fig.add_subplot()
    y = np.arange(n)[::-1]
    ax.barh(y, counts["count"], color=colours, height=0.7)
    for yi, value in zip(y, counts["count"], strict=True):
        ax.annotate(str(value), (value, yi), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=9)
    ax.set_xlabel(label(xlabel_key, language))
    ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    ax.set_xlim(0, max(counts["count"].max() if n else 0, 1) * 1.12)
    ax.set_ylim(-0.6, n - 0.4)
    labelled = [(ax.yaxis, [plot_text(s) for s in counts[label_col]], {})]
    if language != "en":
        right = ax.secondary_yaxis("right")
        labelled.append((right.yaxis, [s or "?" for s in counts[english_col]],
                         {"labelcolor": "#444444"}))
        right.tick_params(length=0)
        right.spines["right"].set_visible(False)
    _item_ticks(ax, "y", y, *labelled)
    ax.set_title(label(title_key, language), loc="left")
    return fig


@_styled
def _class_bars(counts: pd.DataFrame, label_col: str, title_key: str,
                language: str) -> Figure:
    """Bars coloured by verb class, with a legend of the classes."""
    colours = _class_colours(counts["verb_class"])
    fig = _hbars(counts, label_col, "verb_en", [colours[c] for c in counts["verb_class"]],
                 title_key, "paragraphs", language, extra_width=2.2)
    handles = [Patch(color=colours[c], label=plot_text(c or chart_labels()["unclassified"][1]))
               for c in dict.fromkeys(counts["verb_class"])]
    fig.legend(handles=handles, title=label("class", language), loc="outside right upper",
               frameon=False, fontsize=9, title_fontsize=9)
    return fig


def verb_bars(counts: pd.DataFrame, language: str = "en") -> Figure:
    """Operative verbs by class (``verb_counts``): the verb as written, its English beside.

    English documents show the English phrase ("calls upon", "takes note"), not only the
    head verb, which would merge different phrases.
    """
    return _class_bars(counts, "verb_en" if language == "en" else "verb", "verbs_title",
                       language)


def phrase_bars(counts: pd.DataFrame, language: str = "en") -> Figure:
    """Preambular opening phrases by class (``phrase_counts``)."""
    return _class_bars(counts, "phrase", "phrases_title", language)


@_styled
def structure_bars(lengths: pd.DataFrame, language: str = "en") -> Figure:
    """One bar per paragraph (``paragraph_lengths``), its height the words, coloured by
    section, with a mark above each paragraph that carries footnote markers."""
    n = len(lengths)
    fig = _figure(min(max(_WIDTH, 2.0 + 0.17 * n), 20.0), 3.6 + (0.4 if language == "ar" else 0))
    ax = fig.add_subplot()
    sections = list(dict.fromkeys(lengths["section"]))
    colours = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(sections)}
    x = np.arange(n)
    ax.bar(x, lengths["words"], color=[colours[s] for s in lengths["section"]], width=0.8)
    cited = (lengths["footnotes"] > 0).to_numpy()
    top = lengths["words"].max() if n else 1
    ax.scatter(x[cited], lengths["words"].to_numpy()[cited] + 0.04 * top, marker="v", s=18,
               color="#333333", zorder=3)
    ax.set_xlim(-0.7, n - 0.3)
    _item_ticks(ax, "x", x, (ax.xaxis, list(lengths["label"]),
                             {"labelrotation": 90, "labelsize": 8}), numbered=True)
    ax.set_ylabel(label("words", language))
    ax.set_title(label("structure_title", language), loc="left")
    names = {s: (label(s, language) if s in chart_labels() else s) for s in sections}
    handles = [Patch(color=colours[s], label=names[s].replace("\n", " / ")) for s in sections]
    handles.append(Line2D([], [], marker="v", linestyle="", color="#333333",
                          label=label("footnote_marker", language).replace("\n", " / ")))
    fig.legend(handles=handles, loc="outside upper right", frameon=False, fontsize=9,
               ncols=len(handles))
    return fig


@_styled
def actor_bars(counts: pd.DataFrame, language: str = "en") -> Figure:
    """Mentions per actor: ``counts`` has columns actor (as written), actor_en, count."""
    counts = counts.assign(actor=counts["actor"].map(short_label),
                           actor_en=counts["actor_en"].map(short_label))
    return _hbars(counts, "actor", "actor_en", [PALETTE[0]] * len(counts), "mentions_title",
                  "mentions", language)


def _two_levels(index: pd.Index) -> tuple[list[str], list[str] | None]:
    """Labels of an index and, when it has a second level, that level's labels."""
    if isinstance(index, pd.MultiIndex):
        return ([str(v) for v in index.get_level_values(0)],
                [str(v) for v in index.get_level_values(1)])
    return [str(v) for v in index], None


@_styled
def _heatmap(matrix: pd.DataFrame, title_key: str, xlabel_key: str, language: str,
             column_groups: bool) -> Figure:
    """Counts as shades of blue, rows top-down, with the English of each row on the right.

    The columns' second level is either a group (``column_groups``: a line is drawn where
    the first level changes, and the counts get a colour bar) or the English of each
    column, written above (and the counts are written in the cells).
    """
    rows, cols = matrix.shape
    row_labels, row_english = _two_levels(matrix.index)
    row_labels = [short_label(s) for s in row_labels]
    row_english = row_english and [short_label(s) for s in row_english]
    if column_groups:
        groups, col_labels = _two_levels(matrix.columns)
        col_english = None
    else:
        (col_labels, col_english), groups = _two_levels(matrix.columns), None
        if language == "en" and col_english:  # "calls upon" rather than its head "calls"
            col_labels, col_english = col_english, None
    # A row as tall as its label's lines (long names are wrapped by ``short_label``).
    lines = max((s.count("\n") + 1 for s in [*row_labels, *(row_english or [])]), default=1)
    fig = _figure(8.0, 2.2 + (0.15 + 0.15 * lines) * max(rows, 1)
                  + (0.8 if col_english else 0.0))
    # Wide enough for the row labels on both sides and a readable cell per column, but no
    # wider than a page shows without scaling the labels down.
    sides = _max_width(fig, [plot_text(s) for s in row_labels]) + (
        _max_width(fig, row_english or []) if language != "en" else 0.0)
    cell = 0.26 if column_groups else 0.55
    fig.set_figwidth(min(max(sides + cols * cell + 0.6, 6.0), HEATMAP_WIDTH))
    ax = fig.add_subplot()
    values = matrix.to_numpy(dtype=float)
    top = int(max(np.nanmax(values, initial=0), 1))
    # One shade per count (1, 2, ...), from a light blue up; zero stays background grey.
    shades = mpl.colormaps["Blues"](np.linspace(0.3, 1.0, top))
    if values.size:
        ax.imshow(np.where(values > 0, values, np.nan), aspect="auto",
                  cmap=mpl.colors.ListedColormap(shades),
                  norm=mpl.colors.BoundaryNorm(np.arange(0.5, top + 1), top),
                  interpolation="nearest")
    ax.set_facecolor("#f4f4f4")
    rotate = cols > 12 or max((len(s) for s in col_labels), default=0) > 8
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticks(np.arange(cols + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(rows + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="white", linewidth=1)
    ax.tick_params(which="minor", length=0)
    ylabelled = [(ax.yaxis, [plot_text(s) for s in row_labels], {})]
    if language != "en" and row_english:
        right = ax.secondary_yaxis("right")
        ylabelled.append((right.yaxis, row_english, {"labelcolor": "#444444"}))
        right.tick_params(length=0)
        right.spines["right"].set_visible(False)
    xlabelled = [(ax.xaxis, [plot_text(s) for s in col_labels],
                  {"labelrotation": 90 if rotate else 0, "labelsize": 8 if cols > 30 else 9})]
    if language != "en" and col_english:
        above = ax.secondary_xaxis("top")
        xlabelled.append((above.xaxis, col_english,
                          {"labelcolor": "#444444", "labelrotation": 90}))
        above.tick_params(length=0)
        above.spines["top"].set_visible(False)
    _item_ticks(ax, "y", np.arange(rows), *ylabelled)
    _item_ticks(ax, "x", np.arange(cols), *xlabelled, numbered=bool(groups))
    if groups:
        for i in range(1, cols):
            if groups[i] != groups[i - 1]:
                ax.axvline(i - 0.5, color="#333333", linewidth=1.2)
        handles = [Patch(color=shades[i], label=str(i + 1)) for i in range(top)]
        fig.legend(handles=handles, title=label("mentions", language).replace("\n", " / "),
                   loc="outside lower right", ncols=top, frameon=False, fontsize=8,
                   title_fontsize=8, handlelength=1.2, columnspacing=0.8)
    else:
        for (r, c), v in np.ndenumerate(values):
            if v > 0:
                ax.text(c, r, f"{v:.0f}", ha="center", va="center", fontsize=8,
                        color="white" if v > 0.5 * top else "black")
    ax.set_xlabel(label(xlabel_key, language))
    ax.set_title(label(title_key, language), loc="left")
    return fig


def actor_paragraph_heatmap(matrix: pd.DataFrame, language: str = "en") -> Figure:
    """Mentions of each actor (rows) in each paragraph (columns), from ``mention_matrix``:
    columns indexed by (section, label), a line where the preamble ends."""
    return _heatmap(matrix, "heatmap_title", "paragraph", language, column_groups=True)


def actor_verb_matrix(matrix: pd.DataFrame, language: str = "en") -> Figure:
    """How often each actor (rows) is the addressee of each verb (columns), from
    ``action_matrix``; the counts are written in the cells."""
    return _heatmap(matrix, "actions_title", "verb", language, column_groups=False)


def _pack(starts: Sequence[float], ends: Sequence[float]) -> list[int]:
    """Greedy interval packing: the lowest level whose last interval ends before this start.

    Intervals must come sorted by start; returns one level per interval.
    """
    level_end: list[float] = []
    levels = []
    for start, end in zip(starts, ends, strict=True):
        for i, last in enumerate(level_end):
            if last < start:
                level_end[i] = end
                levels.append(i)
                break
        else:
            level_end.append(end)
            levels.append(len(level_end) - 1)
    return levels


@_styled
def reference_timeline(timeline: pd.DataFrame, language: str = "en") -> Figure:
    """Referenced resolutions and documents on a time line, one lane per body.

    ``timeline`` has columns date (datetime64), body, label (the symbol) and exact (bool:
    the day is known, not only the month or year). Exact dates are filled dots, approximate
    ones hollow; the labels are packed into rows within each lane so that none overlaps.
    """
    data = timeline.dropna(subset=["date"]).sort_values("date", kind="stable")
    bodies = list(data["body"].value_counts(sort=True).index)
    colours = {b: PALETTE[i % len(PALETTE)] for i, b in enumerate(bodies)}
    # Layout in inches: margins around an axes of fixed width, one row of labels per level.
    right, row = 0.3, 0.22
    top = 0.5 + (0.25 if language == "ar" else 0.0)
    bottom = 0.55 + (0.2 if language == "ar" else 0.0)
    fig = _figure(_WIDTH, 3.0, layout=None)
    ax = fig.add_subplot()
    texts = [ax.text(0, 0, plot_text(str(s)), fontsize=8, va="center", ha="left")
             for s in data["label"]]
    gap = 0.1  # between a dot and its label, in inches
    widths = np.array([_width_inches(t) + 2 * gap for t in texts])
    lane_names = [ax.text(0, 0, plot_text(b)) for b in bodies]
    left = max((_width_inches(t) for t in lane_names), default=0.0) + 0.25
    for t in lane_names:
        t.remove()
    x = mdates.date2num(data["date"].to_numpy())
    lo, hi = (x.min(), x.max()) if len(x) else (0.0, 365.0)
    span = max(hi - lo, 365.0)
    margin = 0.15
    days_per_inch = span / (_WIDTH - margin - widths.max(initial=0.0))
    ax.set_xlim(lo - margin * days_per_inch, lo - margin * days_per_inch
                + _WIDTH * days_per_inch)
    lane_top, levels, y = {}, np.zeros(len(data), dtype=int), 0
    for body in bodies:
        idx = np.flatnonzero((data["body"] == body).to_numpy())
        levels[idx] = _pack(x[idx], x[idx] + widths[idx] * days_per_inch)
        lane_top[body] = y
        y += levels[idx].max() + 2  # a free row between lanes
    ys = np.array([lane_top[b] for b in data["body"]]) + levels
    shift = mpl.transforms.ScaledTranslation(gap, 0, fig.dpi_scale_trans)
    for t, xi, yi in zip(texts, x, ys, strict=True):
        t.set_position((xi, yi))
        t.set_transform(ax.transData + shift)
    exact = data["exact"].to_numpy(dtype=bool)
    dot = np.array([colours[b] for b in data["body"]])
    ax.scatter(x[exact], ys[exact], s=28, c=dot[exact], zorder=3)
    ax.scatter(x[~exact], ys[~exact], s=28, facecolors="white", edgecolors=dot[~exact],
               linewidths=1.4, zorder=3)
    ends = [lane_top[b] for b in bodies[1:]] + [y] * bool(bodies)
    for body, end in zip(bodies, ends, strict=True):
        ax.axhspan(lane_top[body] - 0.7, end - 1.3, color=colours[body], alpha=0.08,
                   linewidth=0)
    ax.set_yticks([lane_top[b] for b in bodies], [plot_text(b) for b in bodies])
    for tick, body in zip(ax.get_yticklabels(), bodies, strict=True):
        tick.set_color(colours[body])
    ax.set_ylim(y - 1.3, -0.7)
    ax.tick_params(axis="y", length=0)
    ax.spines["left"].set_visible(False)
    ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=4, maxticks=12))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="x", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_xlabel(label("year", language))
    ax.set_title(label("timeline_title", language), loc="left", pad=22)
    width, height = left + _WIDTH + right, top + bottom + row * (y - 1)
    fig.set_size_inches(width, height)
    ax.set_position((left / width, bottom / height, _WIDTH / width,
                     (height - top - bottom) / height))
    markers = [("exact", {"color": "#333333"}),
               ("approximate", {"markerfacecolor": "white", "markeredgecolor": "#333333",
                                "markeredgewidth": 1.4})]
    handles = [Line2D([], [], marker="o", linestyle="",
                      label=label(key, language).replace("\n", " / "), **style)
               for key, style in markers]
    ax.legend(handles=handles, loc="lower right", bbox_to_anchor=(1.0, 1.0), frameon=False,
              fontsize=8, ncols=2, borderaxespad=0.1)
    return fig


@_styled
def series_comparison(counts: pd.DataFrame, title_key: str = "series_title",
                      language: str = "en") -> Figure:
    """Paired bars: one row per item, one bar per column (two resolutions of a series).

    ``counts`` is indexed by item (a verb, an actor, a body) with one column per resolution
    (the column names are the legend), as ``compare_counts`` makes it. Items are ordered by
    their total, largest on top. ``title_key`` names the title in ``data/chart_labels.csv``.
    """
    data = counts.fillna(0).astype(int)
    data = data.loc[data.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    n, k = data.shape
    items = [item_label(str(s), language) for s in data.index]
    fig = _figure(_WIDTH, _bar_height(n, items) + 0.2)
    # Room for the item labels, 4.5 inches of bars and the legend of resolutions.
    fig.set_figwidth(min(_max_width(fig, items)
                         + _max_width(fig, [str(c) for c in data.columns]) + 5.5, 20.0))
    ax = fig.add_subplot()
    y = np.arange(n)[::-1]
    height = 0.8 / k
    for j, column in enumerate(data.columns):
        offset = (k - 1) / 2 * height - j * height
        ax.barh(y + offset, data[column], height=height, color=PALETTE[j % len(PALETTE)],
                label=plot_text(str(column)))
    ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    ax.set_ylim(-0.6, n - 0.4)
    _item_ticks(ax, "y", y, (ax.yaxis, items, {}))
    ax.set_xlabel(label("count", language))
    fig.legend(frameon=False, loc="outside right upper", fontsize=9)
    ax.set_title(label(title_key, language), loc="left")
    return fig
