"""The cycle collector runs less often during loads and is as before after them."""

from __future__ import annotations

import contextlib
import gc
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from analysis import ResolutionParseError, load_resolution, paths
from analysis.collector import THRESHOLD, fewer_collections
from analysis.render import render_text


@pytest.fixture
def thresholds():
    """Thresholds of the test's own (not the default ones), put back after the test."""
    old = gc.get_threshold()
    gc.set_threshold(1234, 11, 12)
    yield (1234, 11, 12)
    gc.set_threshold(*old)


def test_a_load_puts_the_thresholds_back(thresholds):
    load_resolution(paths.SEED)
    assert gc.get_threshold() == thresholds


def test_thresholds_raised_until_the_last_of_overlapping_loads_ends(thresholds):
    # the first load to start ends first: the second still runs with the raised threshold
    with contextlib.ExitStack() as first:
        first.enter_context(fewer_collections())
        second = fewer_collections()
        second.__enter__()
        assert gc.get_threshold() == (THRESHOLD, 11, 12)
    assert gc.get_threshold() == (THRESHOLD, 11, 12)
    second.__exit__(None, None, None)
    assert gc.get_threshold() == thresholds


def test_loads_in_threads_put_the_thresholds_back(thresholds):
    text = paths.SEED.read_text(encoding="utf-8")
    with ThreadPoolExecutor(max_workers=4) as pool:
        symbols = set(pool.map(lambda _: load_resolution(text).meta["symbol"], range(12)))
    assert symbols == {"A/RES/68/192"}
    assert gc.get_threshold() == thresholds


def test_a_failed_load_puts_the_thresholds_back(thresholds):
    with pytest.raises(ResolutionParseError, match="enacting formula"):
        load_resolution("United Nations\nA/RES/1/1\nno formula here\n")
    assert gc.get_threshold() == thresholds


@pytest.mark.parametrize("name", ["75_295_E.xml", "75_283_A.xml"])
def test_a_load_leaves_no_reference_cycle(name):
    # what a load makes is freed by reference counting alone: while the collector runs less
    # often, nothing waits for it (a cycle in the XML reader kept each document's tree alive)
    path = Path(__file__).parent / "fixtures" / name
    load_resolution(path)  # (the lexicons and caches loaded once)
    gc.collect()
    gc.disable()
    try:
        for source in (path, render_text(load_resolution(path).parsed)):
            load_resolution(source)
            assert gc.collect() == 0
    finally:
        gc.enable()
