"""AKN4UN XML -> Parsed records.

The UN publishes General Assembly resolutions as Akoma Ntoso for the UN (AKN4UN): metadata in
``meta``/``coverPage``/``preface``/``conclusions``, preambular paragraphs as
``preamble/container``, operative paragraphs as ``mainBody/paragraph``, parts as
``mainBody/section``, annexes as ``attachments/attachment/doc`` and several resolutions in one
file as a ``documentCollection``. The markup is applied unevenly (paragraph numbers in ``num``
or typed into the text, sub-paragraphs as ``list/point`` or as paragraphs starting "(a)",
headings as ``heading`` or as paragraphs in bold), so the reader accepts each variant and
returns the same ``Block`` structure for all of them.

Conventions the blocks follow (the ground truth a renderer can rely on):

- ``part`` is the label of the part as written ("I", "أولا", "A"): from ``section/num``, from
  a label-only ``subheading`` of the section, from the component of a collection, or from an
  "Annex I" heading. Labels are not repeated as heading blocks. Nested parts join with ".".
- Sub-paragraph labels lose their brackets ("(a)" -> "a", "’1‘" -> "1"); nested labels join
  with "." ("a.ii"); an item without a label (a bullet, an unnumbered ``point``) gets its
  ordinal in its list.
- A paragraph without number or label that follows a numbered paragraph or its
  sub-paragraphs continues that paragraph: it carries the paragraph's number and no label.
- A table becomes one paragraph block, cells joined by " | " and rows by " || ", with the
  notes printed under it ("FootnoteText") appended as further rows.
- The enacting formula ("The General Assembly,") is an artefact of kind "formula", "* * *"
  lines of kind "other".
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import functools
import re
from importlib import resources

from lxml import etree

from .arabic import (
    normalize_ar,
    normalize_digits,
    normalize_presentation_forms,
    remove_format_marks,
)
from .errors import ResolutionParseError
from .model import META_KEYS, Artefact, Block, Footnote, Parsed

_LANGUAGES = {"ara": "ar", "eng": "en", "fra": "fr", "spa": "es", "rus": "ru", "zho": "zh"}
_WELL_FORMED = "well-formed AKN4UN XML"
_EXPECTED_AKN = ("AKN4UN XML: <akomaNtoso> holding a <statement> or <documentCollection> "
                 "with <preamble> and <mainBody>")

# A paragraph number typed into the text: "\t1 -\t", "12- ", "6.\t", "3\t" (Western or
# Eastern digits). A number with neither a dash/point nor a tab after it is ordinary text.
_TEXT_NUMBER = re.compile(r"\s*(\d{1,3})(?:[ ]*[-\u2013\u2010.](?=\s)|[ ]*\t)\s*")
# A sub-paragraph label: "(a)", "(iv)", "(أ)", "(أ أ)", "(هـ)", ")أ)" (sic), "a)", "’1‘", "•".
_LETTERS = (r"[a-z]{1,2}|[ivxlc]{1,6}|[\u0621-\u064a\u0640\ufe70-\ufefc]{1,3}"
            r"(?: [\u0621-\u064a]{1,2})?|\d{1,2}")
_LABEL = re.compile(
    rf"\s*(?:[()](?P<p>{_LETTERS})\)|(?P<r>[a-z]{{1,2}})\)|\u2019(?P<q>\d{{1,2}})\u2018"
    r"|(?P<b>\u2022))(?:\s+|$)")
_ROMAN = re.compile(r"[ivxlc]+")
_NUMBER_ONLY = re.compile(r"(\d{1,4})\s*[-\u2013.]?")
# Headings typed as paragraphs: UN style names H1, H23, H4, HCh, AgendaTitleH2.
_HEADING_CLASS = re.compile(r"H\w*|AgendaTitle\w*")
_BODY_CLASSES = frozenset({"SingleTxt", "FootnoteText"})
# A body-styled paragraph that the page still shows as a subheading: short, all in italic or
# bold, without digits or closing punctuation (75/284: "Reaffirming international resolve"
# among H4 subheadings).
_SUBHEADING_WORDS = 12
_CLOSING = ".:;,!?\u060c\u061b\u061f"  # with Arabic comma, semicolon, question mark
_DIGIT = re.compile(r"\d")
_ANNEX_HEADING = re.compile(r"(?:annex|annexe|anexo|\u0627\u0644\u0645\u0631\u0641\u0642)"
                            r"(?:\s+(?P<label>\S+(?: \S+)?))?", re.IGNORECASE)
# The adoption line ("48th plenary meeting", "الجلسة العامة 48") when typed into the body.
_MEETING_LINE = re.compile(
    r"(?<!\d)\d{1,4} ?(?:st|nd|rd|th|e|a)? ?(?:\(resumed\) ?)?"
    r"(?:plenary meeting|séance plénière|sesión plenaria)"
    r"|\u0627\u0644\u062c\u0644\u0633\u0629 \u0627\u0644\u0639\u0627\u0645\u0629[^\d]{0,15}\d{1,4}"
    r"[^\d]{0,15}")
_SYMBOL = re.compile(r"(?<![A-Z0-9.])[A-Z][A-Z0-9.]*(?:/[A-Za-z0-9.\-]+)+")
_RES_SYMBOL = re.compile(r"A/RES/(?:S-)?(\d+)/(.+)")
_PREFACE_NUMBER = re.compile(r"(?:S-)?(\d+)/(\d+)")
_FIRST_NUMBER = re.compile(r"\d+")
# The marker echoed at the head of a footnote body: "()", "((", "(4)", "(" (its ")" is a
# dropped superscript), "*".
_NOTE_ECHO = re.compile(r"\s*(?:\((?:\s*\d{1,3})?\s*[()]?|\*)(?=\s)")
_PAREN_ONLY = re.compile(r"\s*[()]{1,2}\s*")
_SUP_CITATION = re.compile(r"\(? ?(\d{1,3}) ?\)?")
_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")
# Where a footnote marker was taken out: a space if it stood between two words.
_GAP = "\ue000"
_WORD_GAP = re.compile(r"(?<=\w)\ue000+(?=\w)")
_PHRASE_TAIL = " \u060c,:;"


# ---------------------------------------------------------------------------------------------
# The front door


def parse_xml(data: bytes, name: str = "<xml>", language: str | None = None) -> Parsed:
    """Read one AKN4UN resolution (or collection of resolutions) into a ``Parsed`` record.

    Raises ``ResolutionParseError`` for XML that is not well formed, that declares entities
    (AKN4UN needs none; refusing them stops entity-expansion and external-entity attacks), or
    that is not AKN4UN.
    """
    root = parse_tree(data, name)
    doc = document_element(root, name)
    statements = resolution_statements(root, doc, name)
    xml_language = frbr_language(doc)
    reader = _Reader(cited=footnote_markers(root))
    if language and xml_language and language != xml_language:
        reader.warnings.append(f"language {language!r} given, the XML says {xml_language!r}")
    meta = {key: None for key in META_KEYS}
    meta.update(cover_meta(doc), format="xml", source=name)
    for key, value in preface_meta(doc.find(_tag(doc, "preface")), reader).items():
        if meta.get(key) is None:
            meta[key] = value
    for part, statement in statements:
        reader.read_statement(statement, part, component=bool(part))
    meta.update({k: v for k, v in reader.conclusions.items() if meta.get(k) is None})
    meta["adopted"] = frbr_adoption(doc) or meta["adopted"]
    meta["language"] = language or xml_language or _detect(reader.blocks)
    reader.check_numbering()
    return Parsed(meta=meta, blocks=reader.blocks, footnotes=list(reader.footnotes.values()),
                  artefacts=reader.artefacts, warnings=reader.warnings)


def parse_tree(data: bytes, name: str = "<xml>") -> etree._Element:
    """Parse bytes with a parser that never loads DTDs, resolves entities or uses the network."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ResolutionParseError(f"not well-formed XML: {exc.msg}", source=name,
                                   line=exc.lineno, expected=_WELL_FORMED) from exc
    except ValueError as exc:  # e.g. a str with an encoding declaration
        raise ResolutionParseError(f"cannot parse as XML: {exc}", source=name, line=1,
                                   expected=_WELL_FORMED) from exc
    if root is None:
        raise ResolutionParseError("no XML element found", source=name, line=1,
                                   expected=_WELL_FORMED)
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise ResolutionParseError("the XML declares entities (refused: AKN4UN uses none)",
                                   source=name, line=1, expected=_WELL_FORMED)
    return root


def document_element(root: etree._Element, name: str) -> etree._Element:
    """The ``statement`` or ``documentCollection`` under ``akomaNtoso``, or an error."""
    if _local(root) != "akomaNtoso":
        raise ResolutionParseError(f"root element is <{_local(root)}>", source=name,
                                   line=root.sourceline, expected=_EXPECTED_AKN)
    for child in _elements(root):
        if _local(child) in ("statement", "documentCollection", "resolution", "doc"):
            return child
    raise ResolutionParseError("no <statement> or <documentCollection> in <akomaNtoso>",
                               source=name, line=root.sourceline, expected=_EXPECTED_AKN)


def resolution_statements(root: etree._Element, doc: etree._Element, name: str
                          ) -> list[tuple[str, etree._Element]]:
    """(part label, statement) for each resolution in the file: one, or each component."""
    if _local(doc) != "documentCollection":
        statements = [("", doc)]
    else:
        statements = []
        components = root.find(_tag(root, "components"))
        for component in components if components is not None else ():
            body = next(_elements(component), None)
            if body is not None:
                statements.append((component_label(component, body), body))
    if not any(st.find(_tag(st, tag)) is not None for _, st in statements
               for tag in ("preamble", "mainBody")):
        raise ResolutionParseError("no <preamble> or <mainBody> found", source=name,
                                   line=doc.sourceline, expected=_EXPECTED_AKN)
    return statements


def component_label(component: etree._Element, statement: etree._Element) -> str:
    """"A" for resolution A of a collection: its preface number, else the reference's name."""
    number = _text_of(statement.find(
        f"{_tag(statement, 'preface')}//{_tag(statement, 'docNumber')}")).strip(" .")
    if number:
        return number
    refs = component.getparent().getparent().iter(_tag(component, "documentRef"))
    ref = next((r for r in refs if r.get("href") == component.get("eId")), None)
    names = (ref.get("showAs") or "").split() if ref is not None else []
    return names[-1] if names else ""


# ---------------------------------------------------------------------------------------------
# Metadata


def frbr_language(doc: etree._Element) -> str | None:
    el = doc.find(f".//{_tag(doc, 'FRBRExpression')}/{_tag(doc, 'FRBRlanguage')}")
    return _LANGUAGES.get(el.get("language", "")) if el is not None else None


def frbr_adoption(doc: etree._Element) -> str | None:
    el = doc.find(f"{_tag(doc, 'meta')}//{_tag(doc, 'FRBRWork')}/{_tag(doc, 'FRBRdate')}"
                  "[@name='adoption']")
    return iso_date(el.get("date")) if el is not None else None


def cover_meta(doc: etree._Element) -> dict:
    """Symbol, session, number, agenda item, distribution date and committee from coverPage."""
    cover = doc.find(_tag(doc, "coverPage"))
    meta: dict = {}
    if cover is None:
        return meta
    symbol = _text_of(cover.find(f".//{_tag(doc, 'docNumber')}"))
    if symbol:
        meta["symbol"] = symbol
        m = _RES_SYMBOL.fullmatch(symbol)
        if m:
            meta["session"], meta["number"] = int(m.group(1)), m.group(2).strip()
        meta["body"] = "GA" if symbol.startswith("A/") else None
    session = cover.find(f".//{_tag(doc, 'session')}")
    if session is not None and (session.get("value") or "").isdigit():
        meta["session"] = int(session.get("value"))
    date = cover.find(f".//{_tag(doc, 'docDate')}")
    if date is not None:
        meta["distributed"] = iso_date(date.get("date"))
    item = next((el for el in cover.iter(_tag(doc, "inline")) if el.get("name") == "agenda item"),
                None)
    if item is not None:
        meta["agenda_item"] = first_number(_text_of(item))
    meta.update(proponent_meta(cover.find(f".//{_tag(doc, 'docProponent')}")))
    return meta


def proponent_meta(el: etree._Element | None) -> dict:
    """The Main Committee (English name) and its report symbol; None without a committee."""
    if el is None:
        return {}
    ref = (el.get("refersTo") or "").lstrip("#")
    text = _text_of(el)
    if ref.endswith("Committee") and ref != "noMainCommittee":
        committee = _CAMEL.sub(" ", ref)
        committee = committee[0].upper() + committee[1:]
        # the name the text reader gives too ("Fourth Committee" -> "Special Political and
        # Decolonization Committee (Fourth Committee)", committees.csv)
        committee = committee_from_text(committee) or committee
    elif ref == "noMainCommittee":
        committee = None
    else:
        committee = committee_from_text(text)
    report = None
    origin = next((i for i in el.iter(_tag(el, "inline"))
                   if i.get("name") == "originating document"), None)
    if committee and origin is not None:
        m = _SYMBOL.search(_text_of(origin))
        report = m.group().rstrip(".") if m else None
    return {"committee": committee, "committee_report": report}


def committee_from_text(text: str) -> str | None:
    """The English name of the first Main Committee named in ``text`` (any language)."""
    folded = normalize_ar(text).casefold()
    for name, committee in committee_names():
        if name in folded:
            return committee
    return None


@functools.cache
def committee_names() -> tuple[tuple[str, str], ...]:
    with resources.files("analysis").joinpath("data/committees.csv").open(encoding="utf-8") as f:
        rows = [(normalize_ar(r["name"]).casefold(), r["committee"]) for r in csv.DictReader(f)]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@functools.cache
def part_labels() -> frozenset[str]:
    """Arabic words that label parts (letter names, ordinals), normalized."""
    with resources.files("analysis").joinpath("data/part_labels.csv").open(
            encoding="utf-8") as f:
        return frozenset(normalize_ar(r["label"]) for r in csv.DictReader(f))


def is_part_label(text: str) -> bool:
    """"I", "B", "ألف", "ثانياً": a heading that only labels a part."""
    text = text.strip(" .-\u2013")
    return bool(re.fullmatch(r"[IVXLC]{1,6}|[A-Z]", text)) or normalize_ar(text) in part_labels()


def _is_short(text: str) -> bool:
    return len(text) <= 12 and len(text.split()) <= 2


def preface_meta(preface: etree._Element | None, reader: _Reader) -> dict:
    """Title (footnotes on it go to the footnote list) and, failing the cover, the number."""
    if preface is None:
        return {}
    meta: dict = {}
    number = _text_of(preface.find(f".//{_tag(preface, 'docNumber')}")).rstrip(" .")
    m = _PREFACE_NUMBER.fullmatch(number)
    if m:  # "76/186": used when the cover has no symbol
        meta["session"], meta["number"] = int(m.group(1)), m.group(2)
    title = preface.find(f".//{_tag(preface, 'docTitle')}")
    if title is not None:
        text, _ = reader.text_and_notes(title)
        meta["title"] = clean(text).lstrip("-\u2013 ") or None
    for note in preface.iter(_tag(preface, "authorialNote")):
        reader.add_footnote(note)
    return meta


def conclusions_meta(el: etree._Element) -> dict:
    meta: dict = {}
    for inline in el.iter(_tag(el, "inline")):
        if inline.get("name") == "adoptionMeeting":
            meta["meeting"] = first_number(inline.get("title") or "") or first_number(
                _text_of(inline))
    date = el.find(f".//{_tag(el, 'docDate')}")
    if date is not None:
        meta["adopted"] = iso_date(date.get("date"))
    return {k: v for k, v in meta.items() if v is not None}


def iso_date(value: str | None) -> str | None:
    """An ISO date, or None for a missing or placeholder date (AKN4UN writes 0001-01-01)."""
    try:
        date = datetime.date.fromisoformat((value or "").strip())
    except ValueError:
        return None
    return date.isoformat() if date.year >= 1945 else None


def first_number(text: str) -> int | None:
    m = _FIRST_NUMBER.search(normalize_digits(text or ""))
    return int(m.group()) if m else None


# ---------------------------------------------------------------------------------------------
# Text


def clean(text: str) -> str:
    """Whitespace collapsed (tabs, newlines, no-break spaces), format marks removed."""
    # str.split() splits on exactly what \s matches, in half the time of a regex sub.
    return " ".join(remove_format_marks(text).split())


def _text_of(el: etree._Element | None) -> str:
    return clean(_plain_text(el)) if el is not None else ""


def _plain_text(el: etree._Element) -> str:
    """``"".join(el.itertext())`` (the text of el and its descendants, without el's tail and
    without comments), serialized by libxml2: half the time."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def inline_text(el: etree._Element, cited: frozenset[int] = frozenset()
                ) -> tuple[str, list[etree._Element | int]]:
    """The text of ``el`` as printed in the body, and the footnotes it cites, in order.

    Footnote bodies (``authorialNote``) are left out and returned as elements; the superscript
    brackets around their markers are dropped; a superscript "(7)" that repeats the marker of a
    note elsewhere in the document is a second citation of it (returned as the int). A marker
    taken out from between two words leaves a space ("باريس(3)وببدء" -> "باريس وببدء").
    """
    if next(el.iterdescendants(*_INLINE_MARKUP), None) is None:  # plain text and spans
        return _close_gaps(_plain_text(el)), []
    parts: list[str] = []
    notes: list[etree._Element | int] = []
    _walk_inline(el, cited, parts, notes)
    return _close_gaps("".join(parts)), notes


def _walk_inline(node: etree._Element, cited: frozenset[int], parts: list[str],
                 notes: list[etree._Element | int]) -> None:
    """``inline_text``'s walk: the text of ``node`` into ``parts``, its notes into ``notes``.
    (A function of the module, not a closure: a closure calling itself is a reference cycle,
    which kept each document's tree alive until the cycle collector ran.)"""
    if node.text:
        parts.append(node.text)
    for child in node:
        if isinstance(child.tag, str):
            name = _local(child)
            sup = _plain_text(child) if name == "sup" else ""
            if name == "authorialNote":
                notes.append(child)
                parts.append(_GAP)
            elif name == "sup" and _PAREN_ONLY.fullmatch(sup):
                parts.append(_GAP + "".join(c for c in sup if c.isspace()))
            elif name == "sup" and _cited_marker(sup, cited) is not None:
                notes.append(_cited_marker(sup, cited))
                parts.append(_GAP)
            elif name in ("eol", "br"):
                parts.append(" ")
            else:
                _walk_inline(child, cited, parts, notes)
        if child.tail:
            parts.append(child.tail)


def _close_gaps(text: str) -> str:
    """A space where a footnote marker stood between two words, nothing elsewhere."""
    return _WORD_GAP.sub(" ", text).replace(_GAP, "") if _GAP in text else text


# The elements ``inline_text`` reads other than as text, in any namespace.
_INLINE_MARKUP = ("{*}authorialNote", "{*}sup", "{*}eol", "{*}br")


def _cited_marker(text: str, cited: frozenset[int]) -> int | None:
    m = _SUP_CITATION.fullmatch(clean(normalize_digits(text)))
    return int(m.group(1)) if m and int(m.group(1)) in cited else None


def marker_number(note: etree._Element) -> int | None:
    marker = normalize_digits((note.get("marker") or "").strip())
    return int(marker) if marker.isascii() and marker.isdigit() else None


def footnote_markers(root: etree._Element) -> frozenset[int]:
    numbers = (marker_number(n) for n in root.iter(_tag(root, "authorialNote")))
    return frozenset(n for n in numbers if n is not None)


def split_number(raw: str) -> tuple[int | None, str]:
    """A paragraph number typed at the head of the text, and the rest of the text."""
    raw = remove_format_marks(raw)
    # \d and int() read Eastern digits as they are: no need to normalize the whole text.
    m = _TEXT_NUMBER.match(raw)
    if not m:
        return None, raw
    return int(m.group(1)), raw[m.end():]


def split_label(raw: str) -> tuple[str | None, str]:
    """A sub-paragraph label at the head of the text (without brackets), and the rest."""
    raw = remove_format_marks(raw)
    m = _LABEL.match(raw)
    if not m:
        return None, raw
    label = next(g for g in (m.group("p"), m.group("r"), m.group("q"), m.group("b")) if g)
    return normalize_presentation_forms(normalize_digits(label)), raw[m.end():]


def parse_num(text: str) -> tuple[int | None, str | None]:
    """A ``num`` element: (paragraph number, None) or (None, sub-paragraph label)."""
    text = clean(text)
    m = _NUMBER_ONLY.fullmatch(normalize_digits(text))
    if m:
        return int(m.group(1)), None
    label, rest = split_label(text + " ")
    if label is not None and not rest.strip():
        return None, label
    return None, None


def label_kind(label: str) -> str:
    if label == "\u2022":
        return "bullet"
    if label.isdigit():
        return "digit"
    if _ROMAN.fullmatch(label):
        return "roman"
    return "letter"


def _successor(label: str) -> str:
    return chr(ord(label[-1]) + 1) if len(label) == 1 and label.isascii() else ""


def _detect(blocks: list[Block]) -> str | None:
    from .resolution import detect_language

    text = " ".join(b.text for b in blocks[:40])
    return detect_language(text) if text.strip() else None


# ---------------------------------------------------------------------------------------------
# The walk over the document


class _Reader:
    """Walks the statements in document order and collects blocks, footnotes and artefacts.

    The state is what a reader of the printed page keeps in mind: the section and part, the
    number of the current paragraph and the labels of the current sub-paragraph.
    """

    def __init__(self, cited: frozenset[int]):
        self.cited = cited
        self.blocks: list[Block] = []
        self.footnotes: dict[int, Footnote] = {}
        self.artefacts: list[Artefact] = []
        self.warnings: list[str] = []
        self.conclusions: dict = {}
        self.numbered: list[tuple[str, int, int | None]] = []  # (part, number, line)
        self.section = "preamble"
        self.part = ""
        self.base_part = ""
        self.current: int | None = None
        self.labels: list[tuple[str, str]] = []  # (kind, label) from outer to inner
        self.table_index: int | None = None

    # -- statements ------------------------------------------------------------------------

    def read_statement(self, st: etree._Element, part: str, component: bool) -> None:
        self.base_part = part
        self._enter("preamble", part)
        preface = st.find(_tag(st, "preface"))
        if component and preface is not None:
            title = preface.find(f".//{_tag(st, 'docTitle')}")
            if title is not None:
                self.heading(title, title.sourceline)
        preamble = st.find(_tag(st, "preamble"))
        if preamble is not None:
            self.read_preamble(preamble)
        body = st.find(_tag(st, "mainBody"))
        if body is not None:
            self._enter("operative", part)
            self.read_body(body)
        conclusions = st.find(_tag(st, "conclusions"))
        if conclusions is not None:
            for key, value in conclusions_meta(conclusions).items():
                self.conclusions.setdefault(key, value)
        for attachment in st.iter(_tag(st, "attachment")):
            doc = attachment.find(_tag(st, "doc"))
            body = (doc if doc is not None else attachment).find(_tag(st, "mainBody"))
            if body is not None:
                self._enter("annex", part)
                self.read_body(body)

    def _enter(self, section: str, part: str) -> None:
        self.section, self.part = section, part
        self._reset()

    def _reset(self) -> None:
        self.current, self.labels = None, []

    # -- preamble --------------------------------------------------------------------------

    def read_preamble(self, preamble: etree._Element) -> None:
        for child in _elements(preamble):
            name = _local(child)
            if name == "formula":
                self.artefacts.append(Artefact("formula", _text_of(child),
                                               line=child.sourceline))
            elif name in ("container", "crossHeading", "p"):
                self.preamble_paragraph(child)
            elif name == "blockList":
                self.block_list(child, parent_sub="")
            else:
                self.unexpected(child)

    def preamble_paragraph(self, el: etree._Element, section: str = "preamble") -> None:
        """A preambular paragraph: a container (or crossHeading) with a p or a blockList."""
        block_list = el.find(_tag(el, "blockList"))
        if block_list is not None:
            intro = block_list.find(_tag(el, "listIntroduction"))
            if intro is not None:
                self.paragraph_text(intro, el.sourceline, section=section, name=el.get("name"))
            self.block_list(block_list, parent_sub="", section=section)
            return
        ps = el.findall(_tag(el, "p"))
        self.paragraph_text(ps or el, el.sourceline, section=section, name=el.get("name"))

    def block_list(self, el: etree._Element, parent_sub: str, section: str = "preamble"
                   ) -> None:
        items = [i for i in _elements(el) if _local(i) == "item"]
        for ordinal, item in enumerate(items, 1):
            self.list_item(item, ordinal, parent_sub, section)

    # -- main body -------------------------------------------------------------------------

    def read_body(self, body: etree._Element) -> None:
        for child in _elements(body):
            name = _local(child)
            if name == "paragraph":
                self.paragraph(child)
            elif name == "section":
                self.part_section(child)
            elif name == "container":
                self.container(child)
            elif name == "crossHeading":
                self.preamble_paragraph(child)
            else:
                self.unexpected(child)

    def part_section(self, el: etree._Element) -> None:
        """A part (I, II or A, B): its own preamble (crossHeadings) and numbering.

        The label is the section's ``num`` or, failing that, the first heading before the
        first paragraph that is only a label ("A", "أولا").
        """
        children = list(_elements(el))
        num = el.find(_tag(el, "num"))
        label = _text_of(num).rstrip(" .-\u2013") if num is not None else ""
        label_el = None
        lead = "paragraph"
        heads = []
        for child in children:
            text = _heading_text(child)
            if text is None and _local(child) in ("crossHeading", "paragraph"):
                lead = _local(child)
                break
            if text is not None:
                heads.append((child, text))
        for i, (child, text) in enumerate(heads):
            # A label ("A", "أولا") or a short heading right before the part's title.
            if not label and (is_part_label(text) or (_is_short(text) and i + 1 < len(heads))):
                label_el, label = child, text.rstrip(" .-\u2013")
        if not label:
            self.warnings.append(f"line {el.sourceline}: a <section> without a part label")
        body_section = "annex" if self.section == "annex" else "operative"
        self._enter(body_section, _join(self.base_part, label))
        started = False
        for child in children:
            name = _local(child)
            if child is num or child is label_el:
                continue
            if name in ("heading", "subheading"):
                section = self.section if started else (
                    "preamble" if lead == "crossHeading" else body_section)
                self.heading(child, child.sourceline, section=section)
            elif name == "crossHeading":
                started = True
                self.preamble_paragraph(child)
            elif name == "paragraph":
                if _heading_text(child) is None or started:
                    started = True
                    self.section = body_section
                    self.paragraph(child)
                else:
                    self.section = "preamble" if lead == "crossHeading" else body_section
                    self.paragraph(child)
                    self.section = body_section
            elif name == "container":
                self.container(child)
            else:
                self.unexpected(child)

    def paragraph(self, el: etree._Element) -> None:
        """One ``paragraph``: a heading, a list paragraph or a paragraph of text."""
        num, head, lst, ps = _paragraph_parts(el)
        num_text = _text_of(num) if num is not None else ""
        if head is not None:
            self.heading(head, el.sourceline, num_text)
            return
        if lst is not None:
            self.list_paragraph(el, num_text, lst)
            return
        if _is_heading(el, num, ps):
            self.heading(ps, el.sourceline, num_text)
            return
        if el.get("class") == "FootnoteText" and self.table_index is not None:
            self.append_to_table(ps)
            return
        self.paragraph_text(ps, el.sourceline, num_text=num_text)

    def list_paragraph(self, el: etree._Element, num_text: str, lst: etree._Element) -> None:
        intro = lst.find(_tag(el, "intro"))
        if intro is not None:
            self.paragraph_text(intro.findall(_tag(el, "p")) or intro, el.sourceline,
                                num_text=num_text)
        elif num_text:
            self.paragraph_text([], el.sourceline, num_text=num_text)
        self.point_list(lst, parent_sub="")

    def point_list(self, lst: etree._Element, parent_sub: str) -> None:
        ordinal, last_sub = 0, parent_sub
        for child in _elements(lst):
            name = _local(child)
            if name == "point":
                ordinal += 1
                last_sub = self.list_item(child, ordinal, parent_sub, self.section)
            elif name == "sublist":
                self.point_list(child, last_sub)
            elif name not in ("intro", "wrapUp"):
                self.unexpected(child)
        wrap = lst.find(_tag(lst, "wrapUp"))
        if wrap is not None:
            self.continuation(wrap.findall(_tag(lst, "p")) or wrap, wrap.sourceline)

    def list_item(self, item: etree._Element, ordinal: int, parent_sub: str, section: str
                  ) -> str:
        """A ``point`` or ``item``: a sub-paragraph labelled by its ``num`` (else its ordinal)."""
        num = item.find(_tag(item, "num"))
        num_text = _text_of(num) if num is not None else ""
        number, label = parse_num(num_text) if num_text else (None, None)
        if label is None and num_text:
            label = str(number) if number is not None else num_text.strip("()\u2019\u2018. ")
        sub = _join(parent_sub, label or str(ordinal))
        ps = item.findall(_tag(item, "p")) + item.findall(
            f"{_tag(item, 'content')}/{_tag(item, 'p')}")
        raw, notes = self._join_text(ps)
        typed, rest = split_label(raw)
        if label is not None and typed == label:  # the label typed again in the text
            raw = rest
        self.emit("paragraph", clean(raw), notes, item.sourceline, number=None, sub=sub,
                  section=section)
        nested = item.find(_tag(item, "blockList"))
        if nested is not None:
            self.block_list(nested, sub, section)
        if not parent_sub:
            self.labels = [(label_kind(label or "1"), label or str(ordinal))]
        return sub

    def container(self, el: etree._Element) -> None:
        """A container in the body: a table (kept as one block) or loose paragraphs."""
        tables = list(el.iter(_tag(el, "table")))
        if not tables:
            for p in el.iter(_tag(el, "p")):
                self.paragraph_text([p], p.sourceline)
            return
        for table in tables:
            rows = []
            for tr in table.iter(_tag(el, "tr")):
                cells = [clean(self.text_and_notes(cell)[0]) for cell in _elements(tr)
                         if _local(cell) in ("td", "th")]
                cells = [c for c in cells if c]
                if cells:
                    rows.append(" | ".join(cells))
            notes = [n for cell in table.iter(_tag(el, "td"), _tag(el, "th"))
                     for n in self.text_and_notes(cell)[1]]
            self.emit("paragraph", " || ".join(rows), notes, table.sourceline, number=None)
            self.table_index = len(self.blocks) - 1

    def append_to_table(self, ps: list[etree._Element]) -> None:
        text, notes = self._join_text(ps)
        block = self.blocks[self.table_index]
        self.blocks[self.table_index] = dataclasses.replace(
            block, text=_join(block.text, clean(text), sep=" || "),
            footnotes=tuple(dict.fromkeys(block.footnotes + tuple(notes))))

    # -- paragraphs of text ----------------------------------------------------------------

    def paragraph_text(self, ps, line: int | None, *, section: str | None = None,
                       num_text: str = "", name: str | None = None) -> None:
        """A paragraph: number (from ``num`` or typed), label, continuation or main paragraph."""
        ps = [ps] if isinstance(ps, etree._Element) else ps
        raw, notes = self._join_text(ps)
        phrase_raw = _leading_italic(ps)
        number, label = parse_num(num_text) if num_text else (None, None)
        if number is None and label is None:
            number, raw = split_number(raw)
            if number is None:
                label, raw = split_label(raw)
        elif number is not None:
            typed, rest = split_number(raw)
            raw = rest if typed == number else raw
        text = clean(raw)
        section = section or self.section
        if number is not None:
            self.current, self.labels = number, []
            if section == "operative":
                self.numbered.append((self.part, number, line))
            self.emit("paragraph", text, notes, line, number=number,
                      phrase=_phrase(phrase_raw, text, name), section=section)
        elif label is not None:
            self.emit("paragraph", text, notes, line, number=None, sub=self.nest(label),
                      section=section)
        elif not text and not notes:
            if num_text:
                self.warnings.append(f"line {line}: paragraph {num_text!r} has no text")
        elif "*" in text and not text.strip("* "):  # "* * *" between parts of a text
            self.artefacts.append(Artefact("separator", text, line=line))
        elif section != "preamble" and _MEETING_LINE.fullmatch(text):
            self.conclusions.setdefault("meeting", first_number(text))
            self.artefacts.append(Artefact("other", text, line=line))
        elif section != "preamble" and (self.current is not None or self.labels):
            self.emit("paragraph", text, notes, line, number=self.current, section=section)
        else:
            self.current, self.labels = None, []
            self.emit("paragraph", text, notes, line, number=None,
                      phrase=_phrase(phrase_raw, text, name), section=section)

    def continuation(self, ps, line: int | None) -> None:
        text, notes = self._join_text(ps if isinstance(ps, list) else [ps])
        if clean(text) or notes:
            self.emit("paragraph", clean(text), notes, line, number=self.current)

    def nest(self, label: str) -> str:
        """The full sub label ("a", "a.ii", "e.1") of a label typed at the head of a paragraph."""
        kind = label_kind(label)
        top = self.labels[0] if self.labels else None
        if kind == "bullet":
            last = self.labels[-1] if self.labels else None
            if last and last[0] == "bullet":
                self.labels[-1] = ("bullet", str(int(last[1]) + 1))
            else:
                self.labels.append(("bullet", "1"))
        elif kind == "roman" and top and top[0] == "letter" and _successor(top[1]) != label:
            self.labels = [top, (kind, label)]
        elif kind == "digit" and top and top[0] in ("letter", "roman"):
            self.labels = [top, (kind, label)]
        elif kind == "roman" and top and top[0] == "letter":
            self.labels = [("letter", label)]
        else:
            self.labels = [(kind, label)]
        return ".".join(lab for _, lab in self.labels)

    # -- headings --------------------------------------------------------------------------

    def heading(self, el, line: int | None, num_text: str = "", section: str | None = None
                ) -> None:
        """A heading block, or the start of an annex ("Annex I") which only sets the part."""
        els = [el] if isinstance(el, etree._Element) else el
        raw, notes = self._join_text(els)
        text = clean(raw)
        if num_text and not text.startswith(num_text):
            text = f"{num_text} {text.lstrip(' .-')}".strip()
        m = _ANNEX_HEADING.fullmatch(text)
        if m and self.section != "preamble":
            self._enter("annex", _join(self.base_part, m.group("label") or ""))
            return
        self._reset()
        if text or notes:
            self.emit("heading", text, notes, line, number=None, section=section)

    # -- output ----------------------------------------------------------------------------

    def emit(self, kind: str, text: str, notes, line: int | None, *, number: int | None,
             sub: str = "", phrase: str = "", section: str | None = None) -> None:
        numbers = []
        for note in notes:
            number_of = note if isinstance(note, int) else self.add_footnote(note)
            if number_of is not None and number_of not in numbers:
                numbers.append(number_of)
        self.blocks.append(Block(kind=kind, section=section or self.section, text=text,
                                 number=number, sub=sub, part=self.part, phrase=phrase,
                                 footnotes=tuple(numbers), line=line))
        self.table_index = None

    def add_footnote(self, note: etree._Element) -> int | None:
        number = marker_number(note)
        if number is None:
            self.warnings.append(
                f"line {note.sourceline}: footnote marker {note.get('marker')!r} is not a number")
            return None
        if number not in self.footnotes:
            text = inline_text(note, self.cited)[0].strip()
            echo = _NOTE_ECHO.match(text)  # \d reads Eastern digits too
            self.footnotes[number] = Footnote(number=number, text=clean(
                text[echo.end():] if echo else text), line=note.sourceline)
        return number

    def text_and_notes(self, el: etree._Element) -> tuple[str, list]:
        return inline_text(el, self.cited)

    def _join_text(self, ps: list[etree._Element]) -> tuple[str, list]:
        texts, notes = [], []
        for p in ps:
            text, found = inline_text(p, self.cited)
            texts.append(text)
            notes += found
        return " ".join(texts), notes

    def unexpected(self, el: etree._Element) -> None:
        text, notes = self.text_and_notes(el)
        self.warnings.append(f"line {el.sourceline}: unexpected <{_local(el)}> read as text")
        if clean(text) or notes:
            self.emit("paragraph", clean(text), notes, el.sourceline, number=None)

    def check_numbering(self) -> None:
        """Warn about gaps and repeats in operative numbering, part by part."""
        last: dict[str, int] = {}
        previous_part_end = 0
        for part, number, line in self.numbered:
            if part not in last:
                if number not in (1, previous_part_end + 1):
                    self.warnings.append(f"line {line}: part {part or '(main)'} numbering "
                                         f"starts at {number}")
            elif number == last[part]:
                self.warnings.append(f"line {line}: paragraph {number} repeated")
            elif number != last[part] + 1:
                self.warnings.append(f"line {line}: paragraph {number} follows "
                                     f"{last[part]} (gap or disorder)")
            last[part] = number
            previous_part_end = number


# ---------------------------------------------------------------------------------------------
# Helpers


def _heading_text(el: etree._Element) -> str | None:
    """The text of a heading element or of a paragraph that is a heading; None otherwise."""
    name = _local(el)
    if name in ("heading", "subheading"):
        return _text_of(el)
    if name != "paragraph":
        return None
    num, head, lst, ps = _paragraph_parts(el)
    if head is not None:
        return _text_of(head)
    if lst is None and _is_heading(el, num, ps):
        return clean(" ".join(_plain_text(p) for p in ps))
    return None


def _paragraph_parts(el: etree._Element) -> tuple:
    """(num, heading or subheading, list, the p of its content) of a ``paragraph``, in one
    pass over its children; None or [] for those it has not."""
    first: dict = {}
    head = None
    for child in el:
        first.setdefault(child.tag, child)
        if head is None and _local(child) in ("heading", "subheading"):
            head = child
    content, p = _tag(el, "content"), _tag(el, "p")
    ps = ([q for c in el.iterchildren(content) for q in c.iterchildren(p)]
          if content in first else [])
    return first.get(_tag(el, "num")), head, first.get(_tag(el, "list")), ps


def _is_heading(el: etree._Element, num: etree._Element | None, ps: list[etree._Element]
                ) -> bool:
    """A paragraph styled as a heading (H1, HCh...) or all in bold or italic: outside body
    styles always, in a body style when it reads like a subheading (see ``_SUBHEADING_WORDS``).
    """
    cls = el.get("class") or ""
    if _HEADING_CLASS.fullmatch(cls):
        return True
    if num is not None or not ps or not all(_all_formatted(p) for p in ps):
        return False
    if cls not in _BODY_CLASSES:
        return True
    text = clean(" ".join(_plain_text(p) for p in ps))
    return (0 < len(text.split()) <= _SUBHEADING_WORDS and not _DIGIT.search(text)
            and not text.endswith(tuple(_CLOSING)))


def _all_formatted(p: etree._Element) -> bool:
    """A p whose text is all in bold or italic spans (how unstyled headings are marked)."""
    if (p.text or "").strip() or not len(p):
        return False
    for child in p:
        cls = child.get("class") or "" if isinstance(child.tag, str) else ""
        if _local(child) != "span" or not ("bold" in cls or "italic" in cls):
            return False
        if (child.tail or "").strip():
            return False
    return True


def _leading_italic(ps: list[etree._Element]) -> str:
    """Text of the italic span(s) that open the first p (the marked-up opening phrase)."""
    if not ps:
        return ""
    p = ps[0]
    spans = []
    for span in p.iter(_tag(p, "span")):
        if "italic" not in (span.get("class") or ""):
            continue
        if next(span.iterancestors("{*}authorialNote"), None) is not None:
            continue
        spans.append(_plain_text(span))
        nxt = span.getnext()
        while (nxt is not None and not (span.tail or "").strip() and _local(nxt) == "span"
               and "italic" in (nxt.get("class") or "")):
            spans += [span.tail or "", _plain_text(nxt)]
            span, nxt = nxt, nxt.getnext()
        break
    return "".join(spans)


def _phrase(raw: str, text: str, name: str | None) -> str:
    """The opening phrase as written, if the marked-up span (or the container name) opens
    ``text``."""
    for candidate in (raw, name or ""):
        candidate = clean(candidate)
        number, rest = split_number(candidate)
        candidate = clean(rest).rstrip(_PHRASE_TAIL) if number is not None else candidate
        candidate = candidate.rstrip(_PHRASE_TAIL)
        if not candidate:
            continue
        # The span may leave out a conjunction joined to it: "و<span>إذ تلاحظ</span>".
        at = text.find(candidate, 0, len(candidate) + 2)
        if at == 0 or (0 < at <= 2 and not any(c.isspace() for c in text[:at])):
            return text[: at + len(candidate)]
    return ""


def _join(a: str, b: str, sep: str = ".") -> str:
    return sep.join(x for x in (a, b) if x)


def _local(el) -> str:
    """The tag without its namespace ("" for comments and processing instructions)."""
    tag = el.tag
    try:
        return _LOCAL_NAMES[tag]
    except KeyError:
        return _remember(_LOCAL_NAMES, tag,
                         etree.QName(tag).localname if isinstance(tag, str) else "")


def _tag(el: etree._Element, name: str) -> str:
    """``name`` in the namespace of ``el``."""
    key = (el.tag, name)
    try:
        return _TAGS[key]
    except KeyError:
        ns = etree.QName(el).namespace
        return _remember(_TAGS, key, f"{{{ns}}}{name}" if ns else name)


# Tag -> local name, and (tag, name) -> namespaced name: a few dozen of each in AKN4UN;
# emptied past a limit so that files with made-up tags cannot grow them without end.
_LOCAL_NAMES: dict[str, str] = {}
_TAGS: dict[tuple[str, str], str] = {}
_NAMES_LIMIT = 4096


def _remember(memo: dict, key, value: str) -> str:
    if len(memo) >= _NAMES_LIMIT:
        memo.clear()
    memo[key] = value
    return value


def _elements(el: etree._Element):
    return (c for c in el if isinstance(c.tag, str))
