"""Opening phrases and their head verbs.

A preambular paragraph opens with a phrase such as "وإذ تشير أيضاً" or "Recalling also", an
operative paragraph with one such as "تقرر" or "Calls upon". The list of phrases is data
(``data/opening_phrases.csv``, mined from the UN's own markup); matching is word by word on
normalized words, longest phrase first, so diacritics, hamza forms and case do not matter.
"""

from __future__ import annotations

import csv
import functools
import re
from importlib import resources

from .arabic import dediac_ar, normalize_ar, remove_tatweel_ar

# A word: letters, digits and the joiners UN texts use inside words (hyphen, apostrophes).
_WORD = re.compile(r"[\w\u0640\u064b-\u065f\u0670'’\-]+")
# Characters of a paragraph that phrase matching reads (phrases have at most 8 words).
_WINDOW = 200
# Markers that may wrap or follow an opening phrase in extracted text.
_BOLD = re.compile(r"\*\*")

#: Words that only connect or qualify a phrase: dropped when finding the head verb.
_AR_PARTICLES = frozenset(normalize_ar(w) for w in ("إذ", "وإذ", "و", "قد", "وقد"))
MINHA = normalize_ar("\u0645\u0646\u0647\u0627")  # منها, "on its part"
_LA = normalize_ar("\u0644\u0627")  # لا, "not"
_AR_ADVERBS = frozenset(normalize_ar(w) for w in (
    "أيضا", "أيضاً", "أيضًا", "كذلك", "مجددا", "مجدداً", "بقوة", "بشدة", "ثانية", "بحزم"))
_EN_ADVERBS = frozenset((
    "also", "further", "furthermore", "again", "once", "more", "strongly", "deeply", "firmly",
    "gravely", "seriously", "fully", "moreover", "particularly", "especially", "equally",
    "therefore", "hereby", "most", "highly", "profoundly", "greatly", "emphatically",
    "urgently", "sincerely", "warmly", "expressly", "duly", "still", "likewise", "similarly",
    "consequently", "finally", "accordingly",
))
_EN_NOT_VERBS = frozenset(("this", "thus", "various", "unless", "process", "access", "basis",
                           "states", "members", "nations", "parties", "countries", "its"))
_EN_ATTITUDES = frozenset(("aware", "mindful", "conscious", "cognizant", "desirous", "resolved",
                           "firm", "guided", "sure", "keen", "eager", "confident"))
_EN_AUXILIARIES = frozenset(("having", "being", "been", "having been"))
_FR_ES_ADVERBS = frozenset(("également", "en", "outre", "aussi", "asimismo", "además",
                            "también", "nuevo", "de", "nouveau", "profondément", "vivement"))


@functools.lru_cache(maxsize=1 << 16)  # paragraphs repeat the same words
def normalize_word(word: str, language: str) -> str:
    """A word as phrase matching sees it."""
    word = word.strip("*’'\"“”‘«»")
    if language == "ar":
        return normalize_ar(word)
    return word.casefold()


def words(text: str) -> list[re.Match]:
    return list(_WORD.finditer(_BOLD.sub("  ", text)))


# The first preambular paragraph drops the و that the others carry: "إذ تكرر" / "وإذ تكرر".
_LEAD_EQUIVALENTS = {normalize_ar("وإذ"): normalize_ar("إذ"),
                     normalize_ar("وقد"): normalize_ar("قد")}


def _key(norm_words: list[str]) -> tuple[str, ...]:
    if len(norm_words) > 1 and norm_words[0] == "\u0648":  # a detached و ("و إذ تشير")
        norm_words = norm_words[1:]
    if norm_words and norm_words[0] in _LEAD_EQUIVALENTS:
        norm_words = [_LEAD_EQUIVALENTS[norm_words[0]], *norm_words[1:]]
    return tuple(norm_words)


@functools.cache
def phrase_table(language: str) -> dict[tuple[str, ...], str]:
    """Normalized word tuple -> section ("preamble"/"operative"/"both") for a language."""
    table: dict[tuple[str, ...], str] = {}
    with resources.files("analysis").joinpath("data/opening_phrases.csv").open(
            encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["language"] != language:
                continue
            key = _key([normalize_word(m.group(), language) for m in words(row["phrase"])])
            if not key:
                continue
            seen = table.get(key)
            table[key] = row["section"] if seen in (None, row["section"]) else "both"
    return table


@functools.cache
def _tree(language: str) -> tuple[dict, tuple, int]:
    """The phrase table as a tree of normalized words, read as ``_key`` reads a text.

    A node is ``(section or None, {next word: node})``. Returns the nodes of the first words
    (وإذ and وقد lead to the nodes of إذ and قد), the node of a detached و (the key "و" alone;
    any first word may follow it) and the longest key in words."""
    root: dict[str, tuple] = {}
    for key, where in phrase_table(language).items():
        after = root
        for k, word in enumerate(key):
            node = after.setdefault(word, (None, {}))
            if k == len(key) - 1:
                node = after[word] = (where, node[1])
            after = node[1]
    starts = {**root, **{lead: root[plain] for lead, plain in _LEAD_EQUIVALENTS.items()
                         if plain in root}}
    detached = (root.get("\u0648", (None,))[0], starts)
    return starts, detached, max((len(k) for k in phrase_table(language)), default=0)


def match_phrase(text: str, language: str, section: str | None = None,
                 fallback: bool = False) -> str | None:
    """The known opening phrase that ``text`` starts with, as written in ``text``, or None.

    With ``section``, only phrases seen in that section count; with ``fallback`` too, any
    phrase counts when none of that section matches. The longest match wins.
    """
    # (the words of ``words``, read one ``search`` at a time: most lines need one or two;
    # "*" is looked for before "**", a one-character search being several times faster)
    window = text[:_WINDOW]
    if "*" in window and "**" in window:
        window = _BOLD.sub("  ", window)
    first = _WORD.search(window)
    if first is None:
        return None
    start = first.start()
    if start and text[:start].strip(" \t*"):
        return None
    head = normalize_word(first.group(), language)
    starts, detached, longest = _tree(language)
    # (the words walk down ``_tree``; one is read only when a longer phrase may follow, so
    # most lines stop at their first or second word)
    node = detached if head == "\u0648" else starts.get(head)  # (a detached و: "و إذ تشير")
    n, end, kept, other = 1, first.end(), 0, 0  # (the ends of the longest matches)
    while node is not None:
        where, after = node
        if where:
            other = end
            if section is None or where == section or where == "both":
                kept = end
        if n == longest or not after:
            break
        m = _WORD.search(window, end)
        if m is None:
            break
        node = after.get(normalize_word(m.group(), language))
        n, end = n + 1, m.end()
    end = kept or (other if fallback else 0)
    if not end:
        return None
    found = text[start:end]  # (as the text writes it, without bold marks)
    return _BOLD.sub("", found).strip() if "*" in found else found.strip()


def section_by_form(text: str, language: str) -> str | None:
    """The section a paragraph's first word belongs to by its form alone, for phrases the
    lexicon lacks: "preamble" for a participle or adjective of attitude ("Recalling",
    "Having", "Aware") or an Arabic particle or verbal noun after و ("وإذ", "وقد",
    "واعترافا"), a French or Spanish participle ("Rappelant", "Recordando"); "operative" for
    a third-person verb ("Appoints", "تعين", "وتقرر"); None when the form does not tell."""
    window = text[:_WINDOW]  # (the first word only: ``words`` less the list; "*" first, as
    # in ``match_phrase``)
    first = _WORD.search(_BOLD.sub("  ", window) if "*" in window and "**" in window
                         else window)
    if first is None:
        return None
    word = normalize_word(first.group(), language)
    if language == "ar":
        if word in _AR_PARTICLES or waw_verbal_noun(word):
            return "preamble"
        stem = word[1:] if word[:1] in ("\u0648", "\u0641") else word  # و, ف
        return "operative" if len(stem) >= 3 and stem[0] == "\u062a" else None  # ت
    if not first.group().strip("*")[:1].isupper():
        return None
    if language in ("fr", "es"):  # participles: "Réaffirmant", "Recordando", "Teniendo"
        return "preamble" if word.endswith(("ant", "ando", "iendo")) else None
    if language != "en":
        return None
    if word.endswith(("ing", "ed")) or word in _EN_ATTITUDES or word in _EN_AUXILIARIES:
        return "preamble"
    if word == "is" or (len(word) >= 4 and word.endswith("s")
                        and not word.endswith(("ss", "us", "is")) and word not in _EN_NOT_VERBS):
        return "operative"
    return None


def split_opening(text: str, language: str, section: str) -> str:
    """The opening phrase of a paragraph: from the lexicon, else the head word and adverbs.

    Returns "" when the paragraph opens with no verb-like word (a sub-paragraph, a list item).
    """
    found = match_phrase(text, language, section, fallback=True)
    if found:
        return found
    ws = words(text[:_WINDOW])
    if not ws:
        return ""
    if language == "ar":
        second = normalize_word(ws[1].group(), "ar") if len(ws) > 1 else ""
        if second == MINHA or (normalize_word(ws[0].group(), "ar") == _LA
                                and _looks_like_ar_verb(second)):
            # a verbal noun of attitude ("ورغبة منها", "اقتناعا منها"), a negated verb
            # ("لا تزال")
            return text[ws[0].start(): ws[1].end()]
        i = 0
        while i < len(ws) and normalize_word(ws[i].group(), "ar") in _AR_PARTICLES:
            i += 1
        if i >= len(ws) or (i == 0 and not _looks_like_ar_verb(normalize_word(ws[0].group(),
                                                                                "ar"))):
            return ""
        j = i + 1
        while j < len(ws) and normalize_word(ws[j].group(), "ar") in _AR_ADVERBS:
            j += 1
        return text[ws[0].start(): ws[j - 1].end()]
    first = ws[0].group()
    if not first[:1].isupper():
        return ""
    skip = _EN_ADVERBS | _FR_ES_ADVERBS | _EN_AUXILIARIES
    h = next((k for k, m in enumerate(ws) if m.group().casefold() not in skip), 0)
    if language == "en" and not _looks_like_en_verb(ws[h].group().casefold()):
        return ""
    j = h + 1
    while j < len(ws) and ws[j].group().casefold() in skip:
        j += 1
    return text[ws[0].start(): ws[j - 1].end()]


def _looks_like_ar_verb(word: str) -> bool:
    """An imperfect verb (تقرر, يساورها) or, after و, a verbal noun (واعترافا)."""
    if len(word) < 3:
        return False
    return waw_verbal_noun(word) or word[0] in "\u062a\u064a"  # ت, ي


def waw_verbal_noun(word: str, feminine: bool = False) -> bool:
    """Whether a normalized Arabic word is و + a verbal noun in the accusative ("واعترافا",
    alef U+0627) or, with ``feminine``, one ending in teh marbuta ("ورغبة", U+0629, or heh
    U+0647 once normalized): the preambular "واعترافا منها", "ورغبة منها"."""
    ends = ("\u0627", "\u0629", "\u0647") if feminine else ("\u0627",)
    return len(word) >= 5 and word[0] == "\u0648" and word.endswith(ends)


def _looks_like_en_verb(word: str) -> bool:
    """A third-person verb, a participle or an adjective of attitude: Decides, Noting, Aware
    ("Is" of "Is encouraged" too)."""
    if word == "is":
        return True
    if word in _EN_NOT_VERBS or len(word) < 4:
        return False
    return word.endswith(("s", "ing", "ed")) or word in _EN_ATTITUDES


def head_verb(phrase: str, language: str) -> str:
    """The head verb of an opening phrase, normalized.

    Arabic: without و and إذ (and قد), diacritics, tatweel and adverbs such as أيضا:
    "وإذ تشير أيضاً" -> "تشير", "تقرّر" -> "تقرر", "وقد نظرت" -> "نظرت". Hamza forms are
    kept as written. English (and French, Spanish): lower case, without adverbs and
    auxiliaries: "Recalling also" -> "recalling", "Taking note" -> "taking",
    "Having considered" -> "considered".
    """
    ws = [m.group().strip("*") for m in words(phrase)]
    if language == "ar":
        for w in ws:
            plain = remove_tatweel_ar(dediac_ar(w))
            norm = normalize_ar(plain)
            if norm in _AR_PARTICLES or norm in _AR_ADVERBS:
                continue
            if norm.startswith("و") and len(norm) > 3 and normalize_ar("و" + plain[1:]) == norm:
                plain = plain[1:]
            return plain
        return ""
    lowered = [w.casefold() for w in ws]
    for w in lowered:
        if w in _EN_ADVERBS or w in _EN_AUXILIARIES or w in _FR_ES_ADVERBS:
            continue
        return w
    return lowered[0] if lowered else ""
