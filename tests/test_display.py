"""Arabic on screen: the matplotlib 3.11+ path, the reshaper/bidi fallback, the terminal."""

import matplotlib
import pytest

from analysis import display

# تقرر (decides) shaped and in visual order: isolated ra U+FEAD, final ra U+FEAE, medial qaf
# U+FED8, initial ta U+FE97.
TUQARRIR_SHAPED = "\ufead\ufeae\ufed8\ufe97"


@pytest.fixture
def matplotlib_version(monkeypatch):
    """Set matplotlib's version for the check, and forget the cached answer around it."""

    def set_version(version: str) -> None:
        monkeypatch.setattr(matplotlib, "__version__", version)
        display.matplotlib_shapes_arabic.cache_clear()

    yield set_version
    display.matplotlib_shapes_arabic.cache_clear()


@pytest.mark.parametrize(("version", "shapes"), [
    ("3.11.0", True), ("3.12.1", True), ("4.0.0", True), ("3.10.8", False), ("3.9.0", False)])
def test_version_check(matplotlib_version, version, shapes):
    matplotlib_version(version)
    assert display.matplotlib_shapes_arabic() is shapes


def test_new_matplotlib_gets_logical_order(matplotlib_version):
    matplotlib_version("3.11.2")
    assert display.plot_text("تقرر") == "تقرر"


def test_old_matplotlib_gets_shaped_visual_order(matplotlib_version):
    matplotlib_version("3.10.0")
    assert display.plot_text("تقرر") == TUQARRIR_SHAPED


def test_latin_start_gets_right_to_left_mark():
    # "A/68/457 تقرير" (report A/68/457, the committee report of 68/192) must read right to
    # left: without the mark the first strong letter, A, would make the line left to right.
    assert display.plot_text("A/68/457 تقرير", shapes=True) == "\u200fA/68/457 تقرير"
    assert display.plot_text("2013/41 قرار", shapes=True) == "\u200f2013/41 قرار"
    assert display.plot_text("قرار 2013/41", shapes=True) == "قرار 2013/41"
    assert display.plot_text("A/68/457", shapes=True) == "A/68/457"  # no Arabic: no mark


def test_fallback_keeps_the_direction_but_not_the_mark():
    # Right to left: the symbol is read first, so in visual order it comes last (rightmost).
    out = display.plot_text("A/68/457 تقرير", shapes=False)
    assert "\u200f" not in out
    assert out.endswith("A/68/457")
    assert out.startswith("\ufeae")  # final ra of تقرير, the leftmost glyph


def test_two_lines_are_two_paragraphs():
    # An Arabic title above its English translation: each line keeps its own direction.
    assert display.plot_text("تقرر\ndecides", shapes=False) == TUQARRIR_SHAPED + "\ndecides"
    assert display.plot_text("decides\nA/68/457 تقرير", shapes=True) == (
        "decides\n\u200fA/68/457 تقرير")


def test_terminal_text_shapes_each_line():
    summary = "A/RES/68/192 (ar, text)\n  تقرر"
    lines = display.terminal_text(summary).split("\n")
    assert lines[0] == "A/RES/68/192 (ar, text)"
    assert lines[1] == TUQARRIR_SHAPED + "  "  # leading spaces end up on the right
