"""Operative verbs and opening phrases: the lexicon, its lookups and the actions table.

The lexicon (``data/verbs.csv``, built by ``scripts/build_verb_lexicon.py`` from the UN's
own markup) has one row per language, section and lemma. A lemma is the opening phrase
without the particles و/إذ/قد, diacritics and additive adverbs (أيضا, كذلك, also, further),
with its fixed complements ("تحيط علما", "تؤكد من جديد", "takes note", "calls upon"). Each
row gives the English the UN uses for it (for Arabic, French and Spanish: counted over
paragraph-aligned XML of the same resolutions) and a class from ``data/verb_classes.csv``.

Lookups run on normalized words (``phrases.normalize_word``), longest lemma first, so a
phrase that carries more than its lemma ("تعيد تأكيد التزامها الراسخ") still finds it.

    python -m analysis.verbs coverage FOLDER   # share of paragraphs whose phrase is known
"""

from __future__ import annotations

import argparse
import bisect
import csv
import functools
import itertools
import re
import sys
import warnings
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from .arabic import dediac_ar, remove_tatweel_ar
from .errors import ResolutionParseError
from .frames import as_list, memo_map, typed_array, typed_frame
from .phrases import _BOLD, _WORD, normalize_word, split_opening, words

LEXICON_COLUMNS = ["language", "section", "lemma", "verb", "variants", "english", "verb_class",
                   "occurrences", "source"]
ACTION_COLUMNS = ["paragraph", "section", "number", "sub", "verb", "lemma", "verb_en", "verb_class",
                  "surface", "start", "end", "is_opening", "addressee", "addressee_id"]
LANGUAGES = ("ar", "en", "fr", "es")
SECTIONS = ("preamble", "operative")
#: Classes whose verb addresses someone ("تطلب إلى الأمين العام", "invites Member States").
ADDRESSING_CLASSES = frozenset(("requests", "urges/calls upon", "invites/encourages"))
#: Words of the paragraph start that the lookup reads when the phrase column is empty.
_MAX_WORDS = 8
#: The words an addressee may run to (a list of a dozen bodies).
_ADDRESSEE_WORDS = 80

# A paragraph number or sub-paragraph label at the start of a text: "٤ - ", "5.", "(a)".
_LABEL = re.compile(r"\s*(?:[\d\u0660-\u0669]+\s*[-.\u2013]|\([^()\s]{1,6}\))\s*")
# Where a secondary action may start in Arabic: after a comma (U+060C or ","), a semicolon
# (U+061B or ";") or a space, the conjunction waw U+0648 opens the next word.
_AR_BOUNDARY = re.compile("(?:[\u060c\u061b,;:]\\s{0,2}|\\s)\u0648$")
# In English (French, Spanish): a comma or semicolon, then "and" ("et", "y"); or only
# one of them.
_LATIN_BOUNDARY = re.compile(r"[,;]\s+(?:and|et|y)\s+$", re.IGNORECASE)
_LATIN_COMMA = re.compile(r"[,;]\s+$")
_LATIN_AND = re.compile(r"\s(?:and|et|y)\s+$", re.IGNORECASE)
#: Words that open the object of a secondary English verb after a bare "and" or comma.
_OBJECT_STARTS = frozenset((
    "the", "all", "that", "its", "their", "his", "her", "upon", "on", "to", "with", "member",
    "states", "governments", "le", "la", "les", "tous", "toutes", "que", "el", "los", "las",
    "todos", "todas", "a"))
#: How often a verb must open paragraphs in the corpus to count after a bare conjunction.
_WEAK_MIN_OCCURRENCES = 10
# Punctuation that ends an addressee.
_AR_PUNCT = re.compile("[\u060c\u061b,;:.()\u201d\u201c\"]")
_LATIN_PUNCT = re.compile(r"[,;:.()\"“”]")
_AR_WAW = "\u0648"
_AR_ARTICLE = "\u0627\u0644"  # al- (normalized: alef lam)
_AR_TA = "\u062a"  # ta: prefix of the 3rd person feminine singular present (تطلب)
_AR_BA = "\u0628"  # ba: بـ before the addressee (تهيب بالدول)
_AR_LAM = "\u0644"  # lam: لل before a definite noun


# ---------------------------------------------------------------------------------------
# Data


@functools.cache
def _words_data() -> dict[tuple[str, str], tuple[tuple[str, ...], ...]]:
    """(language, role) -> normalized word sequences from ``data/verb_words.csv``."""
    out: dict[tuple[str, str], list[tuple[str, ...]]] = {}
    with resources.files("analysis").joinpath("data/verb_words.csv").open(
            encoding="utf-8") as f:
        for row in csv.DictReader(f):
            seq = tuple(normalize_word(m.group(), row["language"]) for m in words(row["word"]))
            out.setdefault((row["language"], row["role"]), []).append(seq)
    # Longest sequences first, so that "once again" wins over "again".
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@functools.cache
def _word_set(language: str, role: str) -> frozenset[str]:
    return frozenset(seq[0] for seq in _words_data().get((language, role), ()) if len(seq) == 1)


@functools.cache
def verb_classes() -> pd.DataFrame:
    """The closed set of verb classes with a description each."""
    with resources.files("analysis").joinpath("data/verb_classes.csv").open(
            encoding="utf-8") as f:
        return pd.read_csv(f, dtype="str", keep_default_na=False)


@functools.cache
def lexicon() -> pd.DataFrame:
    """``data/verbs.csv`` with a ``key`` column: the lemma's normalized words."""
    with resources.files("analysis").joinpath("data/verbs.csv").open(encoding="utf-8") as f:
        df = pd.read_csv(f, dtype="str", keep_default_na=False)
    df["occurrences"] = df["occurrences"].astype("int64")
    df["key"] = [lemma_key(lemma, lang) for lemma, lang in zip(df["lemma"], df["language"],
                                                             strict=True)]
    return df


@functools.cache
def _table(language: str) -> dict[tuple[str, str], dict]:
    """(section, key) -> lexicon row for one language."""
    df = lexicon()
    return {(row["section"], row["key"]): row
            for row in df[df["language"] == language].to_dict("records")}


@functools.cache
def _prefixes(language: str, proper: bool = False) -> frozenset[str]:
    """Every word prefix of every key of a language: "تؤكد", "تؤكد من", "تؤكد من جديد"
    (with ``proper``, only those shorter than their key)."""
    out = set()
    for _, key in _table(language):
        ws = key.split()
        out.update(" ".join(ws[:n]) for n in range(1, len(ws) + (not proper)))
    return frozenset(out)


@functools.cache
def _longest(language: str) -> int:
    return max((len(k.split()) for _, k in _table(language)), default=0)


# ---------------------------------------------------------------------------------------
# Lemmas


@functools.cache
def _by_first_word(language: str, role: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The word sequences of a role, by their first word (longest first)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for seq in _words_data().get((language, role), ()):
        out.setdefault(seq[0], []).append(seq)
    return {k: tuple(v) for k, v in out.items()}


def _skip(language: str, norm: list[str], i: int, role: str = "adverb") -> int:
    """Length of the adverb (or other role's word sequence) found at ``norm[i:]``, else 0."""
    if i >= len(norm):
        return 0
    for seq in _by_first_word(language, role).get(norm[i], ()):
        if tuple(norm[i:i + len(seq)]) == seq:
            return len(seq)
    return 0


def _readable(word: str, language: str) -> str:
    if language == "ar":
        return remove_tatweel_ar(dediac_ar(word))
    return word.casefold()


def lemma_words(phrase: str, language: str) -> list[str]:
    """The words of a phrase's lemma, readable (Arabic keeps hamza, loses diacritics).

    "وإذ تحيط علماً أيضاً" -> ["تحيط", "علما"]; "Also requests" -> ["requests"];
    "واقتناعا منها" -> ["اقتناعا", "منها"]; "Takes note of" -> ["takes", "note"].
    """
    ms = [m.group().strip("*’'") for m in words(phrase)]
    ms = [w for w in ms if w]
    norm = [normalize_word(w, language) for w in ms]
    particles = _word_set(language, "particle")
    out: list[str] = []
    i = 0
    while i < len(ms) and norm[i] in particles:
        i += 1
    if (language == "ar" and i == 0 and ms and norm[0].startswith(_AR_WAW)
            and len(norm[0]) > 4):
        # An attached conjunction: "واقتناعا منها", "وتطلب", "ووعيا منها" (but not the
        # و of "وعيا": a word of four letters or fewer keeps it).
        ms[0], norm[0] = ms[0][1:], norm[0][1:]
    while i < len(ms):
        n = _skip(language, norm, i)
        if n:
            i += n
            continue
        word = _readable(ms[i], language)
        if word:
            out.append(word)
        i += 1
    trailing = _word_set(language, "trailing")
    while len(out) > 1 and normalize_word(out[-1], language) in trailing:
        out.pop()
    return out


def lemma_of(phrase: str, language: str) -> str:
    """The lemma of an opening phrase, readable: "وإذ تحيط علماً أيضاً" -> "تحيط علما"."""
    return " ".join(lemma_words(phrase, language))


def lemma_key(phrase: str, language: str) -> str:
    """The normalized lemma that the lexicon is keyed on: "تعيد تأكيد" -> "تعيد تاكيد"."""
    return " ".join(normalize_word(w, language) for w in lemma_words(phrase, language))


# ---------------------------------------------------------------------------------------
# Lookups


@functools.lru_cache(maxsize=1 << 14)  # paragraphs open with the same few hundred phrases
def lookup(phrase: str, language: str, section: str | None = None) -> dict | None:
    """The lexicon row for an opening phrase, or None.

    The longest lemma that the phrase's lemma starts with wins, among the rows of the given
    ``section`` first (an operative "تؤكد" is "emphasizes", though the preamble's "تؤكد
    على" is longer), then among the other section's.
    """
    key = lemma_key(phrase, language).split()
    table = _table(language)
    sections = [section] if section in SECTIONS else []
    sections += [s for s in SECTIONS if s not in sections]
    for s in sections:
        for n in range(min(len(key), _longest(language)), 0, -1):
            row = table.get((s, " ".join(key[:n])))
            if row is not None:
                return row
    return None


def _paragraph_row(phrase: str, text: str, language: str, section: str, marked: bool = True
                   ) -> dict | None:
    """Lexicon row for a paragraph: by its phrase or, when a longer lemma starts with it, by
    the longer phrase the text reader finds at the start of the text (``split_opening``), so
    that a resolution read from its XML (phrase as marked up: "Reaffirms") and from its text
    (phrase from the lexicon: "Reaffirms its commitment") gets the same row; without a
    phrase, by the first words of the text. A phrase not ``marked`` up is already
    ``split_opening``'s. (Phrases repeat: their lookups are cached.)"""
    row = lookup(phrase, language, section) if phrase else None
    if not text:
        return row
    head = _LABEL.match(text)
    start = text[head.end():] if head else text
    if row is not None:
        if marked and _extended(phrase, language):  # the text reader's phrase, if longer
            found = split_opening(start, language, section)
            if len(found) > len(phrase):
                row = lookup(found, language, section) or row
        return row
    return lookup(" ".join(_WORD.findall(_BOLD.sub("  ", start[:300]))[:_MAX_WORDS]),
                  language, section)


@functools.lru_cache(maxsize=1 << 14)
def _extended(phrase: str, language: str) -> bool:
    """Whether a lemma of the lexicon is longer than the phrase's and starts with it."""
    return lemma_key(phrase, language) in _prefixes(language, proper=True)


def annotate_verbs(paragraphs: pd.DataFrame, language: str) -> pd.DataFrame:
    """Add ``verb_en`` and ``verb_class`` ("" when the phrase is not in the lexicon).

    ``verb_en`` is the English the UN most often uses for the phrase in that section
    ("takes note" in the operative part, "taking note" in the preamble).
    """
    english, classes = verb_columns(
        *(as_list(paragraphs[c]) for c in ("phrase", "text", "section", "sub")), language,
        stacklevel=3)
    return paragraphs.assign(verb_en=typed_array(english, "str"),
                             verb_class=typed_array(classes, "str"))


def verb_columns(phrases: list, texts: list, sections: list, subs: list, language: str,
                 stacklevel: int = 2, marked: list[bool] | None = None
                 ) -> tuple[list[str], list[str]]:
    """The ``verb_en`` and ``verb_class`` columns of ``annotate_verbs`` from the paragraphs'
    phrase, text, section and sub columns (lists): for ``Resolution``, which makes the
    paragraphs table once with them, and says which phrases are the source's markup
    (``marked``; the others ``split_opening`` found: they are not looked for again)."""
    english, classes = [""] * len(phrases), [""] * len(phrases)
    marked = marked if marked is not None else [True] * len(phrases)
    if len(phrases) and not _has_language(language):
        warnings.warn(f"the verb lexicon has no entries for language {language!r}; "
                      "verb_en and verb_class are left empty", stacklevel=stacklevel)
    elif len(phrases):
        for k, (phrase, text, section, sub, markup) in enumerate(
                zip(phrases, texts, sections, subs, marked, strict=True)):
            if section in SECTIONS and not sub:
                row = _paragraph_row(phrase, text, language, section, markup)
                if row:
                    english[k], classes[k] = _first_english(row), row["verb_class"]
    return english, classes


def _has_language(language: str) -> bool:
    return bool(_table(language))


def _first_english(row: dict | None) -> str:
    return row["english"].split("|")[0] if row else ""


# ---------------------------------------------------------------------------------------
# Actions


class Action(NamedTuple):
    """One action of a paragraph: its verb as found in the text and whom it addresses."""

    row: dict  # lexicon row
    surface: str
    start: int
    end: int
    is_opening: bool
    addressee: str
    addressee_start: int
    addressee_ids: str = ""  # the actors named in the addressee, "|"-joined


class _Tokens(NamedTuple):
    norm: list[str]  # normalized words
    starts: list[int]  # their spans in the original text
    ends: list[int]


def _tokens(text: str, language: str) -> _Tokens:
    """The words of ``phrases.words``, from one split (gap, word, gap, ..., gap) and the
    lengths of its parts: a third of the time of a match object per word."""
    parts = _WORD_SPLIT.split(_BOLD.sub("  ", text) if "**" in text else text)
    bounds = list(itertools.accumulate(map(len, parts)))
    return _Tokens(memo_map(normalize_word, language, parts[1::2]),
                   bounds[0:-1:2], bounds[1::2])


_WORD_SPLIT = re.compile(f"({_WORD.pattern})")


def _match_at(tokens: _Tokens, i: int, language: str, sections: list[str],
              secondary: bool) -> tuple[dict, int] | None:
    """The longest lemma whose words start at token ``i`` (adverbs may come in between).

    Returns the row and the index just past the last word of the lemma. For a secondary
    Arabic verb the head must be a present-tense feminine verb (تطلب), and may carry an
    object pronoun (وإذ تشجعها).
    """
    table, prefixes = _table(language), _prefixes(language)
    i += _skip(language, tokens.norm, i)
    if i >= len(tokens.norm):
        return None
    first = tokens.norm[i]
    if language == "ar" and secondary and not first.startswith(_AR_TA):
        return None
    for head in _heads(first, language):
        key, j, best = head, i + 1, None
        while key in prefixes:
            row = next((table[(s, key)] for s in sections if (s, key) in table), None)
            if row is not None:
                best = (row, j)
            if head != first or j >= len(tokens.norm):
                break  # a word with an object pronoun ends the phrase
            j += _skip(language, tokens.norm, j)
            if j >= len(tokens.norm):
                break
            key, j = f"{key} {tokens.norm[j]}", j + 1
        if best is not None:
            return best
    return None


@functools.lru_cache(maxsize=1 << 14)  # paragraphs repeat their words
def _heads(first: str, language: str) -> tuple[str, ...]:
    """A word and, in Arabic, the word without each object pronoun it may end with
    (تشجعها -> تشجع): the heads ``_match_at`` tries, in that order."""
    heads = [first]
    if language == "ar":
        heads += [first[: -len(s)] for s in _word_set("ar", "suffix")
                  if first.endswith(s) and len(first) - len(s) >= 3]
    return tuple(heads)


def _after_particles(tokens: _Tokens, i: int, language: str) -> int:
    """Index of the first word after the particles (و, إذ, وإذ, قد) starting at ``i``."""
    particles = _word_set(language, "particle")
    while i < len(tokens.norm) and tokens.norm[i] in particles:
        i += 1
    return i


def find_actions(text: str, language: str, section: str, phrase: str = "") -> list[Action]:
    """The opening action and the secondary actions of one paragraph, in text order.

    Secondary actions start after "، و" (or "و" after a space, in Arabic) or ", and" /
    "; and" with a verb of the lexicon: وتدعو, وتطلب أيضا إلى, وإذ تشدد, and requests.
    """
    if language not in LANGUAGES or not text:
        return []
    tokens = _tokens(text, language)
    if not tokens.norm:
        return []
    sections = _SECTION_ORDER.get(section) or [section, *SECTIONS]
    actions: list[Action] = []
    first = 0
    label = _LABEL.match(text)
    if label:
        first = _index_past(tokens, label.end())
    begin = _after_particles(tokens, first, language)
    opening = _match_at(tokens, begin, language, sections, secondary=False)
    if opening is None and phrase:
        row = lookup(phrase, language, section)
        n = len(lemma_words(phrase, language))
        opening = (row, min(begin + max(n, 1), len(tokens.norm))) if row else None
    if opening is not None:
        actions.append(_action(text, tokens, first, *opening, True, language))
    past = _index_past(tokens, actions[-1].end) if actions else 0  # first token after
    if language == "ar":
        particles, adverbs = _word_set("ar", "particle"), _by_first_word("ar", "adverb")
    for k in _boundary_candidates(text, tokens, max(begin + 1, past), language):
        if k < past:
            continue
        # The conjunction is attached: "وتدعو". Stripped for matching.
        attached = language == "ar" and tokens.norm[k] not in particles
        if attached and not tokens.norm[k].startswith(_AR_TA, 1) \
                and tokens.norm[k][1:] not in adverbs:
            continue  # what _match_at would say: no verb in تـ, no adverb before one
        strength = _boundary(text, tokens.starts[k], language, section)
        if not strength:
            continue
        if attached:
            window = k + 1 + 2 * _longest(language)
            stripped = _Tokens([tokens.norm[k][1:], *tokens.norm[k + 1:window]],
                               [tokens.starts[k] + 1, *tokens.starts[k + 1:window]],
                               tokens.ends[k:window])
            found = _match_at(stripped, 0, language, sections, secondary=True)
            found = found and (found[0], found[1] + k)
        else:
            strength = "strong" if language == "ar" else strength  # وإذ is a boundary itself
            found = _match_at(tokens, _after_particles(tokens, k, language), language,
                              sections, secondary=True)
        if found and (strength == "strong" or _weak_ok(tokens, *found, language, section)):
            actions.append(_action(text, tokens, k, *found, False, language))
            past = _index_past(tokens, actions[-1].end)
    return _with_addressees(text, tokens, actions, language)


# The sections whose lexicon rows a paragraph's verbs are looked up in, its own first.
_SECTION_ORDER = {s: [s, *(o for o in SECTIONS if o != s)] for s in SECTIONS}


def _boundary_candidates(text: str, tokens: _Tokens, first: int, language: str):
    """The tokens from ``first`` on that ``_boundary`` may accept: in Arabic only those
    written with a leading و (a tenth of them)."""
    if language == "ar":
        firsts = map(text.__getitem__, itertools.islice(tokens.starts, first, None))
        return list(itertools.compress(range(first, len(tokens.starts)),
                                       map(_AR_WAW.__eq__, firsts)))
    return range(first, len(tokens.starts))


def _boundary(text: str, start: int, language: str, section: str) -> str:
    """Whether a word starting at ``start`` may open a secondary action: "strong" after
    punctuation ("، وتدعو", ", and requests", in the operative part also ", requests"),
    "weak" after a bare conjunction ("العالمي وتلاحظ", "made and calls upon"), else ""."""
    if language == "ar":
        if text[start] != _AR_WAW:
            return ""
        m = _AR_BOUNDARY.search(text, max(start - 3, 0), start + 1)
        return "" if m is None else ("weak" if m.group()[0].isspace() else "strong")
    if _LATIN_BOUNDARY.search(text, max(start - 12, 0), start):
        return "strong"
    if section == "operative" and _LATIN_COMMA.search(text, max(start - 3, 0), start):
        return "weak"
    return "weak" if _LATIN_AND.search(text, max(start - 6, 0), start) else ""


def _weak_ok(tokens: _Tokens, row: dict, past: int, language: str, section: str) -> bool:
    """A secondary verb after a bare conjunction or comma counts only if it is a frequent
    opening verb of the paragraph's own section (not تعزز or تدعم, which open one paragraph
    in the corpus but mostly occur inside sentences; not ", taking into account" inside an
    operative paragraph), and in English only before an object: "and requests the
    Secretary-General", not "needs and requests of States"."""
    if row["occurrences"] < _WEAK_MIN_OCCURRENCES or row["section"] != section:
        return False
    if language == "ar":
        return True
    return past < len(tokens.norm) and tokens.norm[past] in _OBJECT_STARTS


def _index_past(tokens: _Tokens, end: int) -> int:
    """Index of the first token that starts at or after ``end``."""
    return bisect.bisect_left(tokens.starts, end)


def _action(text: str, tokens: _Tokens, boundary: int, row: dict, past: int, is_opening: bool,
            language: str) -> Action:
    """An Action from token positions: the surface runs from the boundary word to the
    lemma's last word, so "وتطلب أيضا إلى" is the surface of a secondary تطلب. The
    addressee is filled in once the next action is known (``_with_addressees``)."""
    start = tokens.starts[boundary]
    end = tokens.ends[past - 1]
    return Action(row, text[start:end], start, end, is_opening, "", -1)


# ---------------------------------------------------------------------------------------
# Addressees
#
# The addressee of "تحث الدول الأعضاء وسائر أصحاب الشأن ... على الاستمرار" or "invites
# States, agencies and organizations of the United Nations system ... to disseminate" is a
# chain of conjuncts (noun phrases joined by و / and / a comma / فضلا عن / as well as) after
# the verb, up to the verb's complement (أن, إلى + masdar, to + verb, that ...) and never
# past the next verb. The names the actor lexicon finds (``actors.find_actors``, the
# mentions table's matches) are read whole, so the words inside a name ("Office on Drugs and
# Crime", "لجنة منع الجريمة") do not end the phrase; ``addressee_id`` is every actor named in
# the conjuncts. A comma clause between two conjuncts ("UNODC, in its capacity as ..., and
# other agencies") is part of the text but names no addressee.


class _Walk(NamedTuple):
    """What the addressee walk reads: the paragraph, its words, where each name begins and
    ends (word index -> index past its last word), and the first word it may not read."""

    text: str
    tokens: _Tokens
    names: dict[int, int]
    limit: int
    language: str


def _with_addressees(text: str, tokens: _Tokens, actions: list[Action], language: str
                     ) -> list[Action]:
    """The actions with the addressee of each addressing verb, read up to the next action."""
    if not any(a.row["verb_class"] in ADDRESSING_CLASSES for a in actions):
        return actions
    matches = sorted(_actor_matches(text, language), key=lambda m: m.start)
    ends = [m.end for m in matches]
    names = _name_words(tokens, matches)
    out = []
    for k, a in enumerate(actions):
        if a.row["verb_class"] in ADDRESSING_CLASSES:
            limit = (_index_past(tokens, actions[k + 1].start) if k + 1 < len(actions)
                     else len(tokens.norm))
            past = _index_past(tokens, a.end)
            walk = _Walk(text, tokens, names, min(limit, past + _ADDRESSEE_WORDS), language)
            addressee, where, spans = _addressee(walk, past)
            a = a._replace(addressee=addressee, addressee_start=where,
                           addressee_ids=_actor_ids(matches, ends, spans))
        out.append(a)
    return out


def _name_words(tokens: _Tokens, matches: list) -> dict[int, int]:
    """Word index where each name starts -> index of the first word after it."""
    out = {}
    for m in matches:
        first = bisect.bisect_right(tokens.starts, m.start) - 1
        if first >= 0 and tokens.ends[first] > m.start:
            out[first] = max(_index_past(tokens, m.end), first + 1)
    return out


def _addressee(walk: _Walk, past: int) -> tuple[str, int, list[tuple[int, int]]]:
    """The addressee after a verb (or after إلى / بـ / to), as text, its start, and the
    character spans of its conjuncts.

    ``past`` is the index of the first word after the verb. Only a phrase that looks like a
    party opens it: a name of the actor lexicon; in Arabic a definite noun phrase (الدول,
    جميع الدول, مكتب الأمم المتحدة); in English one that opens with a determiner or a
    capital (the Secretary-General, all States, Member States).
    """
    norm, language = walk.tokens.norm, walk.language
    i = past
    while i < walk.limit and (n := _skip(language, norm, i)):
        i += n
    if i < walk.limit and norm[i] in _word_set(language, "to"):
        i += 1
    if i >= walk.limit:
        return "", -1, []
    skip_chars = 1 if language == "ar" and norm[i].startswith(_AR_BA + _AR_ARTICLE) else 0
    conjuncts = _conjuncts(walk, i)
    if not conjuncts:
        return "", -1, []
    starts, ends = walk.tokens.starts, walk.tokens.ends
    start = starts[i] + skip_chars
    spans = [(starts[a], ends[b - 1]) for a, b in conjuncts]
    return walk.text[start:spans[-1][1]], start, spans


def _conjuncts(walk: _Walk, i: int) -> list[tuple[int, int]]:
    """The word ranges of the conjuncts of the addressee starting at word ``i``."""
    j = _conjunct(walk, i, first=True)
    if j <= i:
        return []
    out = [(i, j)]
    while j < walk.limit:
        gap = _gap(walk, j)
        if _STRONG_PUNCT.search(gap):
            break
        found = _next_conjunct(walk, j, bool(_COMMA.search(gap)))
        if found is None and _COMMA.search(gap):
            # A comma clause, then the list goes on: "UNODC, in its capacity as ..., and".
            after = _clause_end(walk, j)
            found = _next_conjunct(walk, after, False, inclusion=False) if after else None
        if found is None:
            break
        out.append(found)
        j = found[1]
    return out


_COMMA = re.compile("[,\u060c]")  # Latin and Arabic comma
_STRONG_PUNCT = re.compile("[;\u061b:.()\u201c\u201d\"]")  # ends a list; U+061B: Arabic ;
#: The words a comma clause between two conjuncts may run to.
_CLAUSE_WORDS = 25


def _gap(walk: _Walk, j: int) -> str:
    """The text between word ``j - 1`` and word ``j``."""
    return walk.text[walk.tokens.ends[j - 1]:walk.tokens.starts[j]]


def _next_conjunct(walk: _Walk, k: int, comma: bool, inclusion: bool = True
                   ) -> tuple[int, int] | None:
    """The conjunct that a coordinator (و, and, فضلا عن, as well as), a word that names a
    part of the addressee (بما في ذلك, including: not after a comma clause, where it is the
    clause's), or a bare comma opens at word ``k``: its word range, or None."""
    norm, language = walk.tokens.norm, walk.language
    n = _joins(language, norm, k) if inclusion else _skip(language, norm, k, "coordinator")
    if n:
        end = _conjunct(walk, k + n)
        return (k + n, end) if end > k + n else None
    if language == "ar" and norm[k].startswith(_AR_WAW) and len(norm[k]) > 2 \
            and norm[k] not in _word_set("ar", "stop"):
        end = _conjunct(walk, k, waw=True)
        return (k, end) if end > k else None
    if not comma:
        return None
    end = _conjunct(walk, k)
    # After a bare comma, a conjunct names an actor or the list goes on after it.
    if end > k and (any(k <= w < end for w in walk.names) or end >= walk.limit
                    or _joins(language, norm, end) or _COMMA.search(_gap(walk, end))
                    or norm[end] in _word_set(language, "complement")):
        return (k, end)
    return None


def _joins(language: str, norm: list[str], k: int) -> int:
    """Length of the coordinator or inclusion word ("and", "including") at word ``k``."""
    return _skip(language, norm, k, "coordinator") or _skip(language, norm, k, "inclusion")


def _clause_end(walk: _Walk, k: int) -> int:
    """The word after the comma that closes a clause starting at word ``k``, if one does
    within a few words, before the verb's complement and any stronger punctuation; else 0."""
    complement = _word_set(walk.language, "complement")
    for j in range(k + 1, min(walk.limit, k + _CLAUSE_WORDS)):
        gap = _gap(walk, j)
        if _STRONG_PUNCT.search(gap) or walk.tokens.norm[j - 1] in complement:
            return 0
        if _COMMA.search(gap):
            return j
    return 0


def _conjunct(walk: _Walk, k: int, first: bool = False, waw: bool = False) -> int:
    """Index past the noun phrase starting at word ``k`` (``k`` when none does there)."""
    if k >= walk.limit:
        return k
    if walk.language == "ar":
        return _ar_conjunct(walk, k, first, waw)
    return _latin_conjunct(walk, k, first)


def _ar_conjunct(walk: _Walk, k: int, first: bool, waw: bool) -> int:
    """An Arabic conjunct: a name, or a definite noun phrase (الدول الأعضاء, جميع الدول,
    سائر أصحاب الشأن, مكتب الأمم المتحدة), with its adjectives (ذات الصلة, الأخرى) and the
    body it belongs to (في منظومة الأمم المتحدة, من أعضاء فريق التنسيق ...)."""
    norm = walk.tokens.norm
    word = norm[k][1:] if waw else norm[k]
    if first and word.startswith(_AR_BA + _AR_ARTICLE):
        word = word[1:]
    quantifiers, stops, cont = (_word_set("ar", r) for r in ("quantifier", "stop", "continue"))
    if k in walk.names:
        j, open_head = walk.names[k], False
    elif word in quantifiers:
        j, open_head = k + 1, True
    elif _ar_definite(word) or (waw and _ar_possessed(word)):
        j, open_head = k + 1, False  # الوكالات; after و also وصناديقها (its funds)
    elif word not in stops and k + 1 < walk.limit and not _gap(walk, k + 1).strip() and (
            _ar_definite(norm[k + 1]) or k + 1 in walk.names):
        j, open_head = k + 1, True  # the head of a construct: مكتب الأمم المتحدة
    else:
        return k
    while j < walk.limit and not _AR_PUNCT.search(_gap(walk, j)):
        w = norm[j]
        if j in walk.names:
            j, open_head = walk.names[j], False
        elif (linked := _linked_name(walk, j)) is not None:
            j, open_head = linked, False
        elif w in stops or (w.startswith(_AR_WAW) and len(w) > 2):
            break  # a coordinated conjunct is the caller's
        elif _ar_definite(w) or w in cont:
            j, open_head = j + 1, w in cont
        elif open_head:
            j += 1  # سائر أصحاب, ذات صلة: the noun a quantifier or an adjective governs
            open_head = j < walk.limit and (_ar_definite(norm[j]) or j in walk.names)
        else:
            break  # an indefinite word after a complete phrase: a masdar (دعم)
    return j


def _linked_name(walk: _Walk, j: int) -> int | None:
    """Index past a name that a link word at ``j`` attaches to the phrase ("في منظومة الأمم
    المتحدة", "من أعضاء فريق التنسيق", "of the United Nations system"), else None: one
    word (a noun, an article) may come between them."""
    if walk.tokens.norm[j] not in _word_set(walk.language, "link"):
        return None
    if walk.language == "ar" and j + 1 < walk.limit and _ar_definite(walk.tokens.norm[j + 1]) \
            and not _AR_PUNCT.search(_gap(walk, j + 1)):
        return j + 1  # the body the noun belongs to: الأطراف في الاتفاقية
    for k in (j + 1, j + 2):
        if k < walk.limit and _AR_PUNCT.search(_gap(walk, k)):
            return None
        if k in walk.names:
            return walk.names[k] if walk.names[k] <= walk.limit else None
    return None


def _latin_conjunct(walk: _Walk, k: int, first: bool) -> int:
    """An English conjunct: a name, or words up to punctuation or a word that ends the
    phrase (to, that, in, as ...); the first opens with a capital or a determiner."""
    norm, language = walk.tokens.norm, walk.language
    stops = _word_set(language, "stop")
    if k in walk.names:
        j = walk.names[k]
    elif norm[k] in stops or _joins(language, norm, k):
        return k
    elif first and not (walk.text[walk.tokens.starts[k]].isupper()
                        or norm[k] in _word_set(language, "determiner")):
        return k
    else:
        j = k + 1
    while j < walk.limit and not _LATIN_PUNCT.search(_gap(walk, j)):
        if j in walk.names:
            j = walk.names[j]
        elif (linked := _linked_name(walk, j)) is not None:
            j = linked
        elif _joins(language, norm, j) or (
                norm[j] in stops and not (norm[j] in _word_set(language, "link")
                                          and _names_a_body(walk, j + 1))):
            break
        else:
            j += 1
    return min(j, walk.limit)


def _names_a_body(walk: _Walk, k: int) -> bool:
    """Whether word ``k`` (after "the") is a capitalized word: after a preposition, the body
    a noun belongs to ("States parties to the Convention", "States in Africa"), not the
    verb's complement (to submit, in order to)."""
    if k < walk.limit and walk.tokens.norm[k] == "the":
        k += 1
    return k < walk.limit and walk.text[walk.tokens.starts[k]].isupper() \
        and not _LATIN_PUNCT.search(_gap(walk, k))


def _ar_definite(word: str) -> bool:
    """A normalized Arabic word with the article, after an optional و/ب/ل clitic."""
    for pre in ("", _AR_WAW, _AR_BA, _AR_WAW + _AR_BA):
        if word.startswith(pre + _AR_ARTICLE):
            return True
    return word.startswith(_AR_LAM + _AR_LAM) or word.startswith(_AR_WAW + _AR_LAM + _AR_LAM)


@functools.lru_cache(maxsize=1 << 12)
def _ar_possessed(word: str) -> bool:
    """A normalized Arabic noun with a possessive pronoun of two letters (صناديقها)."""
    return any(len(s) >= 2 and word.endswith(s) and len(word) - len(s) >= 3
               for s in _word_set("ar", "suffix"))


def _actor_matches(text: str, language: str) -> list:
    """The actors named in ``text``: the matches of the mentions table (the same cached
    ``actors.find_actors``)."""
    from .actors import find_actors

    return find_actors(text, language)


def _actor_ids(matches: list, ends: list[int], spans: list[tuple[int, int]]) -> str:
    """Ids of the actors named in the character spans ("|"-joined, in text order); a name
    may begin before a span with its clitic (بالدول). ``matches`` are in text order and do
    not overlap, ``ends`` their ends: only those around the spans are looked at."""
    ids: list[str] = []
    if not spans:
        return ""
    last = spans[-1][1]
    for k in range(bisect.bisect_right(ends, spans[0][0]), len(matches)):
        m = matches[k]
        if m.start >= last:
            break
        if m.actor not in ids and any(m.start < end and m.end > start for start, end in spans):
            ids.append(m.actor)
    return "|".join(ids)


def actions_table(paragraphs: pd.DataFrame, language: str) -> pd.DataFrame:
    """One row per action (opening and secondary) of each preambular and operative paragraph.

    ``paragraph`` is the row index in ``paragraphs``; ``start``/``end`` index into that row's
    ``text`` (``text[start:end] == surface``); ``addressee`` is the party the action
    addresses, as written, where one follows the verb; ``addressee_id`` the ids from the
    actor lexicon found in it.
    """
    return typed_frame(action_rows(paragraphs, language), ACTION_DTYPES)


def action_rows(paragraphs: pd.DataFrame, language: str) -> list[tuple]:
    """The rows of ``actions_table``, as tuples in the order of ``ACTION_COLUMNS``."""
    rows = []
    if len(paragraphs) and not _has_language(language):
        warnings.warn(f"the verb lexicon has no entries for language {language!r}; "
                      "no actions found", stacklevel=3)  # actions_table's caller
    elif len(paragraphs):
        phrases = paragraphs["phrase"] if "phrase" in paragraphs else [""] * len(paragraphs)
        for idx, section, number, sub, text, phrase in zip(
                paragraphs.index, as_list(paragraphs["section"]), as_list(paragraphs["number"]),
                as_list(paragraphs["sub"]), as_list(paragraphs["text"]), as_list(phrases),
                strict=True):
            if section not in SECTIONS:
                continue
            for a in find_actions(text, language, section, "" if sub else phrase):
                if sub and a.is_opening:
                    continue
                rows.append((idx, section, number, sub, a.row["verb"], a.row["lemma"],
                             _first_english(a.row), a.row["verb_class"], a.surface, a.start,
                             a.end, a.is_opening, a.addressee, a.addressee_ids))
    return rows


ACTION_DTYPES = {c: "int64" if c in ("paragraph", "start", "end") else "Int64"
                  if c == "number" else "bool" if c == "is_opening" else "str"
                  for c in ACTION_COLUMNS}


# ---------------------------------------------------------------------------------------
# Coverage


def coverage_rows(paragraphs: pd.DataFrame, language: str) -> pd.DataFrame:
    """The main preambular and operative paragraphs, with whether the lexicon knows them.

    Columns: language, section, phrase (the opening phrase, or the first words of a
    paragraph that has none), known.
    """
    main = paragraphs[(paragraphs["sub"] == "") & paragraphs["section"].isin(SECTIONS)]
    if "verb_class" not in main.columns:
        main = annotate_verbs(main, language)
    first_words = [p or " ".join(m.group() for m in words(t[:200])[:4])
                   for p, t in zip(main["phrase"], main["text"], strict=True)]
    return pd.DataFrame({
        "language": pd.Series([language] * len(main), dtype="str"),
        "section": main["section"].astype("str").to_numpy(),
        "phrase": pd.Series(first_words, dtype="str"),
        "known": (main["verb_class"] != "").to_numpy(),
    })


def coverage_report(rows: pd.DataFrame, limit: int = 60) -> str:
    """Coverage by language and section, then the phrases without a lexicon entry."""
    lines = []
    for (lang, section), g in rows.groupby(["language", "section"], sort=True):
        lines.append(f"{lang} {section:9s} {int(g['known'].sum()):6d} / {len(g):6d} "
                     f"= {100 * g['known'].mean():6.2f}%")
    if len(rows):
        lines.append(f"all {'':9s} {int(rows['known'].sum()):6d} / {len(rows):6d} "
                     f"= {100 * rows['known'].mean():6.2f}%")
    missing = rows[~rows["known"]].value_counts(["language", "section", "phrase"])
    if len(missing):
        lines.append(f"phrases without entry ({len(missing)} distinct, most frequent first):")
        lines += [f"  {n:4d}  {lang} {section:9s} {phrase}"
                  for (lang, section, phrase), n in missing.head(limit).items()]
    return "\n".join(lines)


def coverage(folder: str | Path) -> pd.DataFrame:
    """Coverage rows of every resolution (.xml, .txt) under ``folder``."""
    from . import load_resolution
    from .corpus import folder_files

    frames = []
    for path in folder_files(folder, (".xml", ".txt"), recursive=True):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                res = load_resolution(path)
        except ResolutionParseError as err:
            print(f"skipped: {err}", file=sys.stderr)
            continue
        frames.append(coverage_rows(res.paragraphs, res.language))
    if not frames:
        return pd.DataFrame({"language": pd.Series(dtype="str"),
                             "section": pd.Series(dtype="str"),
                             "phrase": pd.Series(dtype="str"),
                             "known": pd.Series(dtype="bool")})
    return pd.concat(frames, ignore_index=True)


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.verbs coverage FOLDER [--all]``."""
    parser = argparse.ArgumentParser(prog="python -m analysis.verbs",
                                     description="How many paragraphs of a folder of "
                                     "resolutions open with a phrase the verb lexicon knows.")
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("coverage", help="the verb lexicon's coverage of a folder")
    c.add_argument("folder", help="a folder of .xml or .txt resolutions (and its subfolders)")
    c.add_argument("--all", action="store_true", help="list every verb the lexicon lacks")
    args = parser.parse_args(argv)
    try:
        rows = coverage(args.folder)
    except ResolutionParseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(coverage_report(rows, 10**9 if args.all else 60))
    return 0


if __name__ == "__main__":
    sys.exit(main())
