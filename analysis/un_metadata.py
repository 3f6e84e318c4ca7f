"""The UN's own metadata on resolutions (votes, sponsors, committee, subjects), joined by symbol.

The United Nations publishes, next to the AKN4UN XML, one JSON object per line and resolution:
symbol, adoption type, recorded votes per Member State (``MS_in_favour``, ``MS_against``,
``MS_abstaining``), ``sponsors``, ``additional_sponsors``, committee, agenda item, UNBIS
subjects and SDGs. ``read_un_metadata`` is the I/O; the rest are pure functions from that
table to the tidy ``votes`` and ``sponsors`` tables and to the columns joined onto a corpus's
``meta`` table.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from .errors import ResolutionParseError

#: Columns of ``read_un_metadata``'s table, in order.
UN_COLUMNS = ["symbol", "key", "title", "adoption_date", "adoption_meeting", "adoption_type",
              "recorded_vote", "votes_in_favour", "votes_against", "votes_abstaining",
              "committee", "agenda_item", "agenda_item_name", "originating_document",
              "report_paragraph", "pv", "subjects", "sdgs", "MS_in_favour", "MS_against",
              "MS_abstaining", "sponsors", "additional_sponsors"]

#: The columns ``join_un_metadata`` adds to a corpus's meta table (``un_`` marks the UN's
#: English wording where the document has its own field of the same name).
JOINED_COLUMNS = ["adoption_type", "recorded_vote", "votes_in_favour", "votes_against",
                  "votes_abstaining", "un_committee", "agenda_item_name", "subjects", "sdgs",
                  "sponsor_count"]

#: How each vote list is named in the ``votes`` table.
VOTE_LISTS = {"MS_in_favour": "in_favour", "MS_against": "against",
              "MS_abstaining": "abstaining"}

_SPACES = re.compile(r"\s+")
# "GUYANA (ON BEHALF OF THE ... GROUP OF 77 AND CHINA)" or "GUINEA, ON BEHALF OF THE ...".
# The state ends on a non-space: a lazy state before \s* rescans runs of spaces (quadratic).
_ON_BEHALF = re.compile(
    r"^(?P<state>[^(,]*[^(,\s])\s*(?:\(|,)\s*ON BEHALF OF (?P<group>[^)]*)\)?$")
# Entries of the sponsor lists that name who submitted a draft, not a sponsoring State.
_SUBMITTER = re.compile(r"^(?:SUBMITTED BY|INTRODUCED IN|ON THE BASIS OF)\b")
_RECORDED = re.compile(r"recorded vote", re.IGNORECASE)


def symbol_key(symbol: str | None) -> str:
    """A symbol as joins compare it: upper case, no spaces ("A/RES/75/101 A-B" ->
    "A/RES/75/101A-B"), so that the file's and the UN list's spellings meet."""
    return _SPACES.sub("", symbol or "").upper()


def clean_name(name: str) -> str:
    """A Member State's name as listed, with spaces collapsed and the typographic apostrophe
    made plain (the lists write both "LAO PEOPLE’S" and "LAO PEOPLE'S")."""
    return _SPACES.sub(" ", name.replace("\u2019", "'")).strip()


def read_un_metadata(source) -> pd.DataFrame:
    """Read UN metadata lines from a .json file, a folder of them, or a list of files.

    Raises ``ResolutionParseError`` naming the file and line of a line that is not a JSON
    object with a ``symbol``.
    """
    records = []
    for path in _metadata_files(source):
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise ResolutionParseError(f"cannot read metadata: {exc.strerror}",
                                       source=str(path)) from exc
        records += parse_un_metadata_lines(text, str(path))
    return un_metadata_table(records)


def _metadata_files(source) -> list[Path]:
    if isinstance(source, str | Path):
        path = Path(source)
        if path.is_dir():
            return sorted(path.glob("*.json"))
        return [path]
    return [Path(p) for p in source]


def parse_un_metadata_lines(text: str, name: str = "<metadata>") -> list[dict]:
    """One dict per non-empty line of JSON-lines text."""
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ResolutionParseError(f"not JSON: {exc.msg}", source=name, line=number,
                                       expected="one JSON object per line") from exc
        if not isinstance(record, dict) or not record.get("symbol"):
            raise ResolutionParseError("no symbol", source=name, line=number,
                                       expected='a JSON object with a "symbol"')
        if not isinstance(record["symbol"], str):
            raise ResolutionParseError("the symbol is not text", source=name, line=number,
                                       expected='"symbol": "A/RES/..."')
        records.append(record)
    return records


def un_metadata_table(records: list[dict]) -> pd.DataFrame:
    """One row per resolution; counts as integers, subjects as a list of terms."""
    rows = []
    for r in records:
        recorded = bool(_RECORDED.search(r.get("adoption_type") or ""))
        rows.append({
            "symbol": clean_name(r["symbol"]),
            "key": symbol_key(r["symbol"]),
            "title": r.get("title"),
            "adoption_date": r.get("adoption_date"),
            "adoption_meeting": r.get("adoption_meeting"),
            "adoption_type": r.get("adoption_type"),
            "recorded_vote": recorded,
            "votes_in_favour": _vote_count(r, "MS_in_favour_count", recorded),
            "votes_against": _vote_count(r, "MS_against_count", recorded),
            "votes_abstaining": _vote_count(r, "MS_abstaining_count", recorded),
            "committee": r.get("committee"),
            "agenda_item": r.get("agenda_item"),
            "agenda_item_name": r.get("agenda_item_name"),
            "originating_document": r.get("originating_document"),
            "report_paragraph": r.get("report_paragraph"),
            "pv": r.get("pv"),
            # Subjects come as [term, thesaurus] pairs; the term is what a reader wants.
            "subjects": [str(s[0]) if isinstance(s, list) else str(s)
                         for s in _listed(r.get("subjects")) if s],
            "sdgs": [str(s) for s in _listed(r.get("SDGs"))],
            **{k: [clean_name(str(s)) for s in _listed(r.get(k))]
               for k in (*VOTE_LISTS, "sponsors", "additional_sponsors")},
        })
    df = pd.DataFrame(rows, columns=UN_COLUMNS)
    for col in ("votes_in_favour", "votes_against", "votes_abstaining"):
        df[col] = df[col].astype("Int64")
    df["recorded_vote"] = df["recorded_vote"].astype("bool")
    for col in ("symbol", "key", "title", "adoption_date", "adoption_meeting", "adoption_type",
                "committee", "agenda_item", "agenda_item_name", "originating_document",
                "report_paragraph", "pv"):
        df[col] = df[col].astype("str")
    return df.drop_duplicates("key", keep="last").reset_index(drop=True)


def _listed(value) -> list:
    """A list field as a list (a lone string is one item; anything else none)."""
    if isinstance(value, list):
        return value
    return [value] if isinstance(value, str) and value.strip() else []


def _vote_count(record: dict, key: str, recorded: bool) -> int | None:
    """A vote count; None (no vote was counted) for a resolution adopted without a vote,
    where the UN's lines say "0"."""
    return _count(record.get(key)) if recorded else None


def _count(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def votes_table(un: pd.DataFrame) -> pd.DataFrame:
    """One row per recorded vote: symbol, state, vote ("in_favour", "against", "abstaining").

    Resolutions adopted without a vote have no rows.
    """
    rows = [(symbol, state, vote)
            for column, vote in VOTE_LISTS.items()
            for symbol, states in zip(un["symbol"], un[column], strict=True)
            for state in states]
    df = pd.DataFrame(rows, columns=["symbol", "state", "vote"], dtype="str")
    return df.sort_values(["symbol", "vote", "state"], kind="stable").reset_index(drop=True)


def sponsors_table(un: pd.DataFrame) -> pd.DataFrame:
    """One row per sponsor: symbol, state, kind, on_behalf_of.

    ``kind`` is "sponsor" (the draft's sponsors), "additional" (States that joined later) or
    "submitter" for entries that name an organ, not a State ("SUBMITTED BY THE CHAIR ...").
    ``on_behalf_of`` is the group a State sponsored for ("... GROUP OF 77 AND CHINA"), else "".
    """
    rows = []
    for symbol, sponsors, additional in zip(un["symbol"], un["sponsors"],
                                            un["additional_sponsors"], strict=True):
        for kind, names in (("sponsor", sponsors), ("additional", additional)):
            for name in names:
                rows.append((symbol, *_sponsor(name, kind)))
    return pd.DataFrame(rows, columns=["symbol", "state", "kind", "on_behalf_of"], dtype="str")


def _sponsor(name: str, kind: str) -> tuple[str, str, str]:
    if _SUBMITTER.match(name):
        return name, "submitter", ""
    m = _ON_BEHALF.match(name)
    if m:
        return m["state"].strip(), kind, clean_name(m["group"])
    return name, kind, ""


def join_un_metadata(meta: pd.DataFrame, un: pd.DataFrame) -> pd.DataFrame:
    """``meta`` (one row per resolution, with ``symbol``) with the UN's fields added.

    Resolutions the UN table does not list keep empty values; the UN's committee is
    ``un_committee`` (English, the same for every language) next to the document's own.
    """
    extra = un.assign(un_committee=un["committee"],
                      sponsor_count=(un["sponsors"].map(len)
                                     + un["additional_sponsors"].map(len)).astype("Int64"))
    extra = extra[["key", *JOINED_COLUMNS]]
    keyed = meta.drop(columns=[c for c in JOINED_COLUMNS if c in meta.columns])
    keyed = keyed.assign(key=keyed["symbol"].map(symbol_key))
    out = keyed.merge(extra, on="key", how="left", sort=False).drop(columns="key")
    out.index = meta.index
    for col in ("subjects", "sdgs"):
        out[col] = out[col].map(lambda v: v if isinstance(v, list) else [])
    out["recorded_vote"] = out["recorded_vote"].astype("boolean")
    return out
