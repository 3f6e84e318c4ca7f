"""Actors named in a resolution: who is urged, requested, welcomed or thanked.

The lexicon is data: ``data/actor_types.csv`` (the closed set of types), ``data/actors.csv``
(one row per actor: id, English name, acronym, type) and ``data/actor_forms.csv`` (the names
that denote each actor, per language, each with its source). Matching runs word by word over
a trie of normalized words, so the cost does not grow with the size of the lexicon:

- Arabic text is normalized (``arabic.normalize_with_map``: diacritics, hamza and alef forms,
  ta marbuta), and the first word of a name may carry the clitics و ف ب ك ل (and لل for
  ل + the article, which before a lam leaves one lam: "للجنة" is ل + اللجنة): "وللدول
  الأعضاء", "بالدول الأعضاء", "لمكتب الأمم المتحدة ...".
- English is matched as written, except that a name written in lower case may open a
  sentence with a capital ("Civil society ..."); acronyms never match lower-case words.
- The longest name wins and names do not overlap: "منظمات المجتمع المدني" is one civil
  society mention, "مفوضية الأمم المتحدة لحقوق الإنسان" is OHCHR, not "الأمم المتحدة".
  A name followed by its own short form in brackets, "(هيئة الأمم المتحدة للمرأة)", is one
  mention.
- Punctuation inside a name must be the name's own (a comma in "United Nations Educational,
  Scientific and Cultural Organization"); a hyphen counts as a space, and a name never starts
  inside a hyphenated word ("Under-Secretary-General" is not the Secretary-General).
- Forms with rule ``head`` ("الأمم المتحدة", "United Nations") denote the Organization
  only where they head their own noun phrase: not as the genitive of a preceding noun
  ("ميثاق الأمم المتحدة", "Charter of the United Nations") nor as the modifier of a
  following noun ("United Nations staff"). In Arabic that means the name carries a clitic
  or follows a preposition (``data/function_words.csv``), a verb that opens a paragraph, or
  nothing; in English it follows "the" but not "of the", and is followed by punctuation or
  a function word ("by the United Nations,", "the United Nations to ...").
- Forms with rule ``members_of`` ("الدول الأعضاء", "Member States") followed by "في" /
  "of" and another organization's name denote that organization's members: "الدول الأعضاء
  في الجماعة الكاريبية" are States (``states``), not the Member States of the United Nations.
- Past its second word, a name tolerates one missing letter in a word of six letters or more
  (a typing slip such as "الجناية" for "الجنائية").

Spans are character offsets into the original text and cover whole words, clitics included:
``text[start:end] == surface``; ``form`` is the lexicon form that matched.
"""

from __future__ import annotations

import csv
import functools
import itertools
import re
import warnings
from collections.abc import Sequence
from importlib import resources
from typing import NamedTuple

import pandas as pd

from .arabic import original_span
from .dates import normalized_text
from .frames import as_list, memo_map, typed_frame
from .phrases import phrase_table

_WORD_SPLIT = re.compile(r"(\w+)")
# Gap characters that do not count as punctuation between two words of a name: white space,
# hyphens and dashes (U+2010, U+2011, U+2013), tatweel (U+0640), joiners (U+200C, U+200D)
# and direction marks (U+200E, U+200F).
_SOFT_GAP = re.compile("[\\s\\-\u2010\u2011\u2013\u0640\u200c-\u200f*]+")
# Punctuation that has two spellings: typographic and Arabic (comma U+060C) ones -> ASCII.
_GAP_PUNCT = str.maketrans({"\u2019": "'", "\u2018": "'", "\u060c": ","})
_HYPHENS = frozenset("-\u2010\u2011")
# Waw and fa (conjunctions) may precede a preposition clitic: وب، ول، فل ...
_AR_CONJ = ("\u0648", "\u0641")
# Ba, kaf, lam: prepositions written joined to the next word.
_AR_PREP = ("\u0628", "\u0643", "\u0644")
_AR_LAM = "\u0644"
_AR_ARTICLE = "\u0627\u0644"  # al-
_OPEN_BRACKET = re.compile(r"\s*\(\s*")
_CLOSE_BRACKET = re.compile(r"\s*\)")
_UNITED_NATIONS = "united_nations"
# Forms with rule ``members_of`` followed by these words and another organization's name
# denote that organization's members, counted as this actor.
_MEMBERS_OF = "states"
_MEMBERS_OF_LINK = {"ar": [["\u0641\u064a"]], "en": [["of"], ["of", "the"]]}  # في

MENTION_COLUMNS = ["paragraph", "part", "section", "number", "sub", "actor", "name", "type",
                   "surface", "form", "start", "end"]


class ActorMatch(NamedTuple):
    """One actor named in a text; ``text[start:end] == surface``."""

    actor: str
    surface: str
    start: int
    end: int
    form: str


class _Token(NamedTuple):
    start: int  # in the normalized text
    end: int
    word: str
    gap: str  # punctuation key of the text between the previous token and this one
    joined: bool  # glued to the previous token by a hyphen


def _read_csv(name: str) -> list[dict]:
    with resources.files("analysis").joinpath(f"data/{name}").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


@functools.cache
def actor_types() -> pd.DataFrame:
    """The closed set of actor types with their descriptions."""
    return pd.DataFrame(_read_csv("actor_types.csv")).astype("str")


@functools.cache
def actors() -> pd.DataFrame:
    """One row per actor: id, name (English), acronym, type, source."""
    return pd.DataFrame(_read_csv("actors.csv")).astype("str")


@functools.cache
def actor_forms() -> pd.DataFrame:
    """One row per name of an actor: actor, language, form, rule, source.

    An empty ``actor`` marks a name that contains an actor's name but denotes no actor
    ("United States"): it is matched, so that the shorter name inside is not, and dropped.
    """
    return pd.DataFrame(_read_csv("actor_forms.csv")).astype("str")


@functools.lru_cache(maxsize=4096)  # a few gaps (" ", ", ", " - ") make most of a text
def gap_key(gap: str) -> str:
    """The punctuation between two words that matters for matching a name."""
    return _SOFT_GAP.sub("", gap).translate(_GAP_PUNCT)


def normalize_text(text: str, language: str) -> tuple[str, Sequence[int]]:
    """Text as matching sees it, and the index in ``text`` of each of its characters
    (Arabic: ``arabic.normalize_with_map``, computed once per text for the dates and
    references too)."""
    if language == "ar":
        return normalized_text(text, language)
    return text, list(range(len(text)))


def tokenize(norm: str) -> list[_Token]:
    # One split gives gap, word, gap, word, ..., gap; positions follow from the lengths.
    # Built column by column with C-level maps: a loop making one token at a time took
    # three times as long.
    parts = _WORD_SPLIT.split(norm)
    gaps = parts[0:-1:2]
    bounds = list(itertools.accumulate(map(len, parts)))
    joined = [False, *(gap in _HYPHENS for gap in gaps[1:])] if gaps else []
    return list(map(_new_token, zip(bounds[0:-1:2], bounds[1::2], parts[1::2],
                                    map(gap_key, gaps), joined, strict=True)))


_new_token = functools.partial(tuple.__new__, _Token)


class _LazyTokens(Sequence):
    """``tokenize`` of a split text, each token made when first read: a paragraph has one
    word in twenty that can start a name, and only the tokens around those are read."""

    __slots__ = ("_bounds", "_made", "_parts")

    def __init__(self, parts: list[str]):
        self._parts = parts  # gap, word, gap, word, ..., gap
        self._bounds = list(itertools.accumulate(map(len, parts)))
        self._made: dict[int, _Token] = {}

    def __len__(self) -> int:
        return len(self._parts) // 2

    def __getitem__(self, k: int) -> _Token:
        token = self._made.get(k)
        if token is None:
            n = len(self._parts) // 2
            if k < 0:
                k += n
            if not 0 <= k < n:
                raise IndexError(k)
            gap = self._parts[2 * k]
            token = self._made[k] = _Token(self._bounds[2 * k], self._bounds[2 * k + 1],
                                           self._parts[2 * k + 1], gap_key(gap),
                                           k > 0 and gap in _HYPHENS)
        return token


@functools.cache
def _trie(language: str) -> dict:
    """Nested dicts keyed by (gap key, word); a node's None key holds (actor, form, rule)."""
    root: dict = {}
    for row in actor_forms().itertuples():
        if row.language != language:
            continue
        norm, _ = normalize_text(row.form, language)
        tokens = tokenize(norm)
        if not tokens:
            continue
        node = root
        for i, tok in enumerate(tokens):
            node = node.setdefault(("" if i == 0 else tok.gap, tok.word), {})
        node.setdefault(None, (row.actor, row.form, row.rule))
    return root


@functools.cache
def _function_words(language: str, role: str) -> frozenset[str]:
    words = {normalize_text(r["word"], language)[0] for r in _read_csv("function_words.csv")
             if r["language"] == language and r["role"] == role}
    if language == "ar" and role == "preposition":
        # A verb that opens a paragraph governs its object directly: "تشجع الأمم المتحدة".
        words |= {w for phrase in phrase_table(language) for w in phrase}
    return frozenset(words)


def first_word_variants(word: str, language: str) -> list[tuple[str, int]]:
    """Ways to read the first word of a name: (word to look up, clitic letters before it).

    Arabic: "وللدول" -> الدول (ل + article), لدول; "للجنة" -> اللجنة (ل + article before
    a lam); "بالدول" -> الدول. English: a capitalized word may be a lower-case name opening
    a sentence.
    """
    if language != "ar":
        lowered = word[0].lower() + word[1:]
        return [(word, 0)] if lowered == word or word.isupper() else [(word, 0), (lowered, 0)]
    variants = [(word, 0)]
    bases = [(word, 0)]
    if word.startswith(_AR_CONJ) and len(word) > 3:
        bases.append((word[1:], 1))
        variants.append((word[1:], 1))
    for base, n in bases:
        if base.startswith(_AR_PREP) and len(base) > 3:
            variants.append((base[1:], n + 1))
            if base.startswith(_AR_LAM + _AR_LAM):
                # ل + article: "للدول" is ل + الدول; before a word that itself starts with
                # lam the article's lam merges into it, so "للجنة" is ل + اللجنة.
                variants.append((_AR_ARTICLE + base[2:], n + 1))
                variants.append((_AR_ARTICLE + base[1:], n + 1))
    return variants


def _child(node: dict, token: _Token, depth: int) -> dict | None:
    """The trie node after ``token``: exact, or, past the first two words of a name, a word
    of six letters or more that the text writes with one letter missing ("الجناية" for
    "الجنائية" in A/RES/68/192, para. 6: a typing slip that the reader should not pay for)."""
    exact = node.get((token.gap, token.word))
    if exact is not None or depth < 2 or len(token.word) < 5:
        return exact
    for key, child in node.items():
        if key is not None and key[0] == token.gap and len(key[1]) == len(token.word) + 1 \
                and any(key[1][:k] + key[1][k + 1:] == token.word for k in range(len(key[1]))):
            return child
    return None


@functools.lru_cache(maxsize=1 << 16)  # texts repeat their words
def _starts(word: str, language: str) -> tuple[tuple[dict, int], ...]:
    """The trie nodes of the names whose first word ``word`` can be, with its clitics."""
    root = _trie(language)
    return tuple((node, clitics) for variant, clitics in first_word_variants(word, language)
                 if (node := root.get(("", variant))) is not None)


def _longest(tokens: list[_Token], i: int, language: str) -> list[tuple[int, int, tuple]]:
    """Every name starting at token ``i``: (index past its last token, clitics, entry)."""
    found = []
    for node, clitics in _starts(tokens[i].word, language):
        j = i + 1
        while node is not None:
            if None in node:
                found.append((j, clitics, node[None]))
            if j >= len(tokens):
                break
            node = _child(node, tokens[j], depth=j - i)
            j += 1
    # Longest first; for equal length, the reading with fewer clitics.
    if len(found) > 1:
        found.sort(key=lambda f: (-f[0], f[1]))
    return found


def heads_phrase(tokens: list[_Token], i: int, j: int, clitics: int, language: str) -> bool:
    """Whether the name in tokens[i:j] heads its own noun phrase (see the module docstring)."""
    before = tokens[i - 1].word if i > 0 and tokens[i].gap == "" else None
    after = tokens[j].word if j < len(tokens) and tokens[j].gap == "" else None
    if language == "ar":
        return (clitics > 0 or before is None
                or before in _function_words(language, "preposition"))
    if before is None or before.lower() != "the":
        return False
    if i > 1 and tokens[i - 1].gap == "" and tokens[i - 2].word == "of":
        return False
    return after is None or after in _function_words(language, "continuation")


def find_actors(text: str, language: str) -> list[ActorMatch]:
    """The actors named in ``text``, in order, longest names first and without overlaps."""
    return list(_find_actors(text, language))


@functools.lru_cache(maxsize=1024)  # the mentions and the actions tables read the same texts
def _find_actors(text: str, language: str) -> tuple[ActorMatch, ...]:
    norm, index = normalize_text(text, language)
    parts = _WORD_SPLIT.split(norm)
    # Only a word that can start a name is tried (one in twenty).
    starts = memo_map(_starts, language, parts[1::2])
    if not any(starts):
        return ()
    tokens = _LazyTokens(parts)
    found: list[tuple[ActorMatch, str]] = []
    i = 0
    for k in itertools.compress(range(len(starts)), starts):
        if k < i or tokens[k].joined:
            continue
        i = k
        hit = next((f for f in _longest(tokens, i, language)
                    if f[2][2] != "head" or heads_phrase(tokens, i, f[0], f[1], language)),
                   None)
        if hit is None:
            continue
        j, _, (actor, form, rule) = hit
        start, end = original_span(index, tokens[i].start, tokens[j - 1].end, len(text))
        if actor and not (found and _repeats_in_brackets(text, found[-1][0], actor, start, end)):
            found.append((ActorMatch(actor, text[start:end], start, end, form), rule))
        i = j
    return tuple(_members_of(text, m, rule, found[k + 1][0] if k + 1 < len(found) else None,
                             language) for k, (m, rule) in enumerate(found))


def _members_of(text: str, match: ActorMatch, rule: str, following: ActorMatch | None,
                language: str) -> ActorMatch:
    """"الدول الأعضاء في منظمة ..." are the members of that organization: States, not the
    Member States of the United Nations."""
    if rule != "members_of" or following is None or following.actor == _UNITED_NATIONS:
        return match
    between = normalize_text(text[match.end:following.start], language)[0].split()
    if [w.lower() for w in between] in _MEMBERS_OF_LINK[language]:
        return match._replace(actor=_MEMBERS_OF)
    return match


def _repeats_in_brackets(text: str, previous: ActorMatch, actor: str, start: int,
                         end: int) -> bool:
    """Whether this name is the previous mention's short form in brackets: "X (UNODC)"."""
    if previous.actor != actor:
        return False
    opening = _OPEN_BRACKET.fullmatch(text, previous.end, start)
    return bool(opening) and bool(_CLOSE_BRACKET.match(text, end))


def mentions_table(paragraphs: pd.DataFrame, language: str) -> pd.DataFrame:
    """One row per actor mention in the paragraph texts.

    ``paragraph`` is the row index in ``paragraphs``; ``start``/``end`` are offsets into that
    row's ``text``; ``name`` and ``type`` come from the lexicon.
    """
    return typed_frame(mention_rows(paragraphs, language), MENTION_DTYPES)


def mention_rows(paragraphs: pd.DataFrame, language: str) -> list[tuple]:
    """The rows of ``mentions_table``, as tuples in the order of ``MENTION_COLUMNS``."""
    lexicon = _names_and_types()
    rows = []
    if len(paragraphs) and not _trie(language):
        warnings.warn(f"the actor lexicon has no entries for language {language!r}; the "
                      "mentions table is left empty", stacklevel=3)
    columns = [as_list(paragraphs[c]) for c in ("text", "part", "section", "number", "sub")]
    for idx, text, *where in zip(paragraphs.index, *columns, strict=True):
        for m in find_actors(text, language):
            rows.append((idx, *where, m.actor, *lexicon[m.actor], m.surface, m.form, m.start,
                         m.end))
    return rows


MENTION_DTYPES = {c: "int64" if c in ("paragraph", "start", "end") else
                   "Int64" if c == "number" else "str" for c in MENTION_COLUMNS}


@functools.cache
def _names_and_types() -> dict[str, tuple[str, str]]:
    """(name, type) of each actor id."""
    return {row.id: (row.name, row.type) for row in actors().itertuples(index=False)}
