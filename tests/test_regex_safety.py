"""No regular expression of the package backtracks catastrophically.

Every compiled pattern the package keeps (module constants, and what its cached pattern
builders return for each language) is fed its worst cases: 50 000-character runs of each
character it repeats, runs of what each repeated group matches, after a minimal match of what
precedes the repetition, with and without a character nothing matches at the end. Each must
answer within a second: an alarm turns a hang into a failure (a guard, not a benchmark).
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import re
from re import _constants as C
from re import _parser

import pytest
from helpers import TooSlow, time_limit

import analysis

RUN = 50_000
LIMIT_SECONDS = 1.0
MAX_INPUTS = 40
LANGUAGES = ("ar", "en", "fr", "es")
# Candidates for classes given by exclusion ([^...]) or category: a space, Latin and Arabic
# letters (U+0628 beh), ASCII and Eastern digits (U+0660), punctuation the documents use.
_CANDIDATES = " a0.(*\u0628\u0660,-/"
_CATEGORY = {C.CATEGORY_SPACE: " ", C.CATEGORY_DIGIT: "0", C.CATEGORY_WORD: "a",
             C.CATEGORY_NOT_SPACE: "a", C.CATEGORY_NOT_DIGIT: "a", C.CATEGORY_NOT_WORD: " "}
# An unassigned code point: no class of any pattern here matches it, so a match must fail.
_NOTHING = "\u0378"
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


# ---------------------------------------------------------------------------------------
# Collecting the patterns


def _modules():
    for info in pkgutil.iter_modules(analysis.__path__):
        if info.name != "__main__":
            yield importlib.import_module(f"analysis.{info.name}")


def _patterns_in(value):
    if isinstance(value, re.Pattern):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _patterns_in(v)
    elif isinstance(value, list | tuple | frozenset | set):
        for v in value:
            yield from _patterns_in(v)


def _builder_calls(func):
    """Argument tuples for a cached builder: none, or each language for one parameter."""
    params = list(inspect.signature(func).parameters)
    if not params:
        return [()]
    if len(params) == 1:
        return [(lang,) for lang in LANGUAGES]
    return []


def collect_patterns() -> dict[str, tuple[re.Pattern, str]]:
    """id -> (pattern, method the package calls it with: "search" unless only match is used)."""
    found: dict[str, tuple[re.Pattern, str]] = {}
    for module in _modules():
        source = inspect.getsource(module)
        for name, value in vars(module).items():
            if inspect.isfunction(getattr(value, "__wrapped__", value)) and \
                    value.__module__ != module.__name__:
                continue  # an imported function: collected in its own module
            if isinstance(value, functools._lru_cache_wrapper) and "Pattern" in str(
                    inspect.signature(value).return_annotation):
                for args in _builder_calls(value):
                    try:
                        result = value(*args)
                    except (KeyError, ValueError, LookupError):
                        continue  # no data for this language
                    for i, p in enumerate(_patterns_in(result)):
                        found[f"{module.__name__}.{name}{args}[{i}]"] = (p, "search")
                continue
            for i, p in enumerate(_patterns_in(value)):
                found[f"{module.__name__}.{name}[{i}]"] = (p, _method(source, name))
    seen: set[int] = set()  # a constant imported by another module once, under its first id
    return {k: v for k, v in found.items() if not (id(v[0]) in seen or seen.add(id(v[0])))}


def _method(source: str, name: str) -> str:
    used = set(re.findall(rf"\b{re.escape(name)}(?:\[[^\]]*\])?\.(\w+)\(", source))
    if used and used <= {"match", "fullmatch"}:
        return "match"
    return "search"


# ---------------------------------------------------------------------------------------
# Worst-case inputs from the parsed pattern


def _class_chars(items) -> list[str]:
    negate = any(op is C.NEGATE for op, _ in items)
    listed = []
    for op, av in items:
        if op is C.LITERAL:
            listed.append(chr(av))
        elif op is C.RANGE:
            listed += [chr(av[0]), chr(av[1])]
        elif op is C.CATEGORY:
            listed.append(_CATEGORY.get(av, "a"))
    if negate:
        return [c for c in _CANDIDATES if c not in listed][:3]
    return listed[:4]


def chars(sub) -> list[str]:
    """Single characters the subpattern can consume (a few per class)."""
    out: list[str] = []
    for op, av in sub:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.NOT_LITERAL:
            out.append("a" if chr(av) != "a" else "b")
        elif op is C.ANY:
            out.append("a")
        elif op is C.IN:
            out += _class_chars(av)
        elif op is C.BRANCH:
            for branch in av[1]:
                out += chars(branch)
        elif op is C.SUBPATTERN:
            out += chars(av[3])
        elif op in _REPEATS:
            out += chars(av[2])
        elif op is C.ATOMIC_GROUP:
            out += chars(av)
    return list(dict.fromkeys(out))


def example(sub) -> str:
    """A short string matching the subpattern (first alternatives, fewest repeats)."""
    out = []
    for op, av in sub:
        if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
            out += chars([(op, av)])[:1]
        elif op is C.BRANCH:
            out.append(example(av[1][0]))
        elif op is C.SUBPATTERN:
            out.append(example(av[3]))
        elif op in _REPEATS:
            out.append(example(av[2]) * av[0])
        elif op is C.ATOMIC_GROUP:
            out.append(example(av))
    return "".join(out)


def worst(sub) -> list[str]:
    """Long runs at each repetition of the subpattern, after a match of what precedes it."""
    items = list(sub)
    out = []
    for i, (op, av) in enumerate(items):
        prefix = example(items[:i])
        inner: list[str] = []
        if op in _REPEATS:
            body = av[2]
            inner += [c * RUN for c in chars(body)]
            unit = example(body)
            if len(unit) > 1:
                inner.append(unit * (RUN // len(unit)))
            inner += worst(body)
        elif op is C.SUBPATTERN:
            inner = worst(av[3])
        elif op is C.ATOMIC_GROUP:
            inner = worst(av)
        elif op is C.BRANCH:
            inner = [s for branch in av[1] for s in worst(branch)]
        out += [prefix + s for s in inner]
    return list(dict.fromkeys(out))


def worst_inputs(pattern: re.Pattern) -> list[str | bytes]:
    tree = _parser.parse(pattern.pattern, pattern.flags)
    runs = worst(tree)
    every = "".join(chars(tree))
    if every:
        runs.append(every * (RUN // len(every)))
    runs = runs[:: max(1, len(runs) // (MAX_INPUTS // 2))]
    texts = [s + tail for s in runs for tail in ("", _NOTHING)]
    if isinstance(pattern.pattern, bytes):  # its characters are bytes, all below 256
        return [t.encode("latin-1", errors="replace") for t in texts]
    return texts


# ---------------------------------------------------------------------------------------
# The guard and the test


PATTERNS = collect_patterns()


def test_the_collection_finds_the_package_patterns():
    # The readers' constants and the extractors' cached builders are both collected.
    names = " ".join(PATTERNS)
    for expected in ("analysis.segment._MARKER", "analysis.akn._TEXT_NUMBER",
                     "analysis.read._CONTROL", "analysis.references._item_regex()"):
        assert expected in names
    assert len(PATTERNS) > 50


def test_the_inputs_reach_nested_repetitions():
    # (a+)+b: a run of "a" and the run with a non-matching end are both produced.
    inputs = worst_inputs(re.compile(r"x(a+)+b"))
    assert "x" + "a" * RUN + _NOTHING in inputs


def test_the_guard_catches_catastrophic_backtracking():
    # The guard itself fails on a pattern known to backtrack exponentially.
    with pytest.raises(TooSlow), time_limit(0.2):
        re.compile(r"(a+)+b").search("a" * 40)


@pytest.mark.parametrize("key", sorted(PATTERNS))
def test_no_catastrophic_backtracking(key):
    pattern, method = PATTERNS[key]
    for text in worst_inputs(pattern):
        try:
            with time_limit(LIMIT_SECONDS):
                getattr(pattern, method)(text)
        except TooSlow:
            pytest.fail(f"{key} ({pattern.pattern[:120]!r}) took over {LIMIT_SECONDS} s "
                        f"on {text[:20]!r}... ({len(text)} characters)")
