"""Reading XML never fetches, includes or expands what the file asks for.

External entities (XXE), external DTDs and XInclude must not bring a local file's contents
into any table; an entity-expansion bomb (billion laughs) is refused or left unexpanded,
quickly. The payloads go into tests/fixtures/75_19_E.xml (A/RES/75/19), whose single
operative paragraph reads "Approves the report of the Credentials Committee." Each payload
is first shown to work on a permissive parser, so that a test cannot pass because the
payload itself is broken.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from helpers import time_limit
from lxml import etree

from analysis import ResolutionParseError, load_resolution
from analysis.evaluate import xml_words
from analysis.references import links_from_xml

FIXTURE = Path(__file__).parent / "fixtures" / "75_19_E.xml"
SECRET = "LEAKED-7f3a9c-secret-contents"
ANCHOR = "Approves</span> the report"


@pytest.fixture
def secret(tmp_path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def with_doctype(doctype: str, reference: str) -> bytes:
    """The fixture with ``doctype`` before its root and ``reference`` inside the paragraph."""
    text = FIXTURE.read_text(encoding="utf-8")
    assert ANCHOR in text
    text = text.replace(ANCHOR, f"Approves</span> {reference} the report", 1)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}\n{text}'.encode()


def permissive(data: bytes, base: Path) -> str:
    """What a parser that trusts the file would read (DTD, entities, XInclude all on)."""
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=True,
                             huge_tree=True)
    root = etree.fromstring(data, parser, base_url=str(base / "doc.xml"))
    root.getroottree().xinclude()
    return "".join(root.itertext())


def all_text(res) -> str:
    """Every string the Resolution holds: meta, warnings and every table's cells."""
    frames = [res.paragraphs, res.footnotes, res.headings, res.artefacts, res.actions,
              res.mentions, res.references, res.dates]
    cells = [str(v) for df in frames for v in df.astype(str).to_numpy().ravel()]
    return " ".join([*map(str, res.meta.values()), *res.warnings, *cells])


def load_or_refuse(data: bytes):
    with time_limit(5):
        try:
            return load_resolution(data, name="payload.xml")
        except ResolutionParseError:
            return None


def payloads(secret: Path) -> dict[str, tuple[str, str]]:
    uri = secret.as_uri()
    evil_dtd = secret.parent / "evil.dtd"
    evil_dtd.write_text(f'<!ENTITY leak SYSTEM "{uri}">', encoding="utf-8")
    return {
        "external entity": (f'<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "{uri}">]>',
                            "&xxe;"),
        "parameter entity": (f'<!DOCTYPE akomaNtoso [<!ENTITY % dtd SYSTEM '
                             f'"{evil_dtd.as_uri()}"> %dtd;]>', "&leak;"),
        "external DTD": (f'<!DOCTYPE akomaNtoso SYSTEM "{evil_dtd.as_uri()}">', "&leak;"),
        "XInclude": ("", f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
                         f'href="{uri}" parse="text"/>'),
    }


# An internal-subset external entity and the bomb, given to parse_xml directly, are in
# tests/test_akn.py; here, the other ways in, through load_resolution, to every table.
@pytest.mark.parametrize("kind", ["parameter entity", "external DTD", "XInclude"])
def test_no_local_file_leaks_into_any_table(secret, kind):
    doctype, reference = payloads(secret)[kind]
    data = with_doctype(doctype, reference)
    assert SECRET in permissive(data, secret.parent)  # the payload works where trusted
    res = load_or_refuse(data)
    if res is not None:
        assert SECRET not in all_text(res)
        assert "the report of the Credentials Committee" in res.paragraphs["text"].iloc[-1]


@pytest.mark.parametrize("kind", ["external entity", "parameter entity", "external DTD",
                                  "XInclude"])
def test_the_other_xml_readers_do_not_leak_either(secret, kind):
    # evaluate.xml_words (the evaluation's independent word count) and
    # references.links_from_xml also parse files.
    doctype, reference = payloads(secret)[kind]
    data = with_doctype(doctype, reference)
    with time_limit(5):
        try:
            body, notes = xml_words(data)
        except etree.XMLSyntaxError:
            pass
        else:
            assert not [w for w in body + notes if "leaked" in w or "7f3a9c" in w]
        try:
            links = links_from_xml(data)
        except etree.XMLSyntaxError:
            pass
        else:
            assert SECRET not in " ".join(links["text"])


def billion_laughs(levels: int = 10) -> str:
    """Entity lolN is ten lol(N-1): &lol9; expands to 10**9 "lol"."""
    lines = ['<!ENTITY lol0 "lol">']
    lines += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels)]
    return "<!DOCTYPE akomaNtoso [" + "".join(lines) + "]>"


def test_the_bomb_is_a_real_bomb():
    # Three levels, 1000 "lol", expand on a permissive parser: the construction is right.
    data = with_doctype(billion_laughs(4), "&lol3;")
    assert "lol" * 1000 in permissive(data, FIXTURE.parent)


def test_an_entity_bomb_in_the_other_xml_readers():
    data = with_doctype(billion_laughs(10), "&lol9;")
    with time_limit(5):
        for read in (xml_words, links_from_xml):
            try:
                read(data)
            except etree.XMLSyntaxError:
                pass


def test_a_processing_instruction_or_script_runs_nothing(tmp_path):
    # A stylesheet PI and Python source in the text are data: read as text or ignored.
    marker = tmp_path / "ran"
    code = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    data = with_doctype(f'<?xml-stylesheet type="text/xsl" href="{marker.as_uri()}"?>',
                        f"<?python {code}?> {code}")
    res = load_or_refuse(data)
    assert not marker.exists()
    assert res is not None
    assert isinstance(res.paragraphs, pd.DataFrame)
