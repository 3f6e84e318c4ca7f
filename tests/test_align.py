"""Two language versions of one resolution side by side (``analysis.align_paragraphs``).

76/186 in Arabic and English (data/raw): 43 preambular paragraphs, 28 operative, and
sub-paragraphs under preambular paragraph 10 ("أ" ... / "a" ...)."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

import analysis
from analysis import paths
from analysis.resolution import Resolution

RAW = paths.RAW


@pytest.fixture(scope="module")
def pair():
    return (analysis.load_resolution(RAW / "A_RES_76_186-2119241A.xml"),
            analysis.load_resolution(RAW / "A_RES_76_186-2119241E.xml"))


def test_every_row_has_its_counterpart(pair):
    ar, en = pair
    aligned = analysis.align_paragraphs(ar, en)
    assert len(aligned) == len(ar.paragraphs) == len(en.paragraphs)
    assert aligned["text_ar"].notna().all() and aligned["text_en"].notna().all()
    assert (aligned["number_ar"] == aligned["number_en"]).all()
    # operative paragraph 3: "تهيب" / "Calls upon"
    third = aligned[(aligned["section"] == "operative") & (aligned["number_ar"] == 3)
                    & (aligned["sub_ar"] == "")].iloc[0]
    assert third["text_ar"].startswith("تهيب") and third["text_en"].startswith("Calls upon")
    subs = aligned[aligned["sub_ar"] != ""]
    assert list(zip(subs["sub_ar"], subs["sub_en"], strict=True))[:3] == [
        ("أ", "a"), ("ب", "b"), ("ج", "c")]


def test_a_paragraph_one_version_lacks_shifts_no_other(pair):
    ar, en = pair
    blocks = [b for b in en.parsed.blocks if not (b.section == "operative" and b.number == 5)]
    short = Resolution(dataclasses.replace(en.parsed, blocks=blocks))
    aligned = analysis.align_paragraphs(ar, short)
    operative = aligned[(aligned["section"] == "operative") & (aligned["sub_ar"] == "")]
    five = operative[operative["number_ar"] == 5].iloc[0]
    assert pd.isna(five["text_en"])  # the English lacks it
    six = operative[operative["number_ar"] == 6].iloc[0]
    assert six["number_en"] == 6 and six["text_en"][:8] == en.paragraphs[
        (en.paragraphs["section"] == "operative") & (en.paragraphs["number"] == 6)
        & (en.paragraphs["sub"] == "")]["text"].iloc[0][:8]


def test_two_different_resolutions_are_refused(pair):
    ar, _ = pair
    with pytest.raises(ValueError, match="not two versions of one resolution"):
        analysis.align_paragraphs(ar, analysis.load_resolution(paths.SEED))
