"""Download the UN's AKN4UN XML of a session from its public GitHub repository.

The United Nations (DGACM) publishes General Assembly resolutions as AKN4UN XML in the
repository UNxml/GAresolutions. File names carry the session, the resolution and the
language letter (A Arabic, C Chinese, E English, F French, R Russian, S Spanish), in two
spellings seen in the repository::

    75_100_A.xml  75_101A-B_E.xml  75_290 A_A.xml      (session_resolution_letter)
    A_RES_75_242 B-2108986A.xml  A_RES_76_186-2119241E.xml  (A_RES_ ... -jobnumber letter)

The repository's folders are not relied on: the whole tree is listed (GitHub's git-trees API,
falling back to walking the contents API) and files are chosen by name. Files already in
``dest`` with the listed size and git blob hash are not downloaded again. Without internet,
``FetchError`` says so in one line.

    python -m analysis.fetch 75 ar data/raw/unxml/75/ar
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import paths

API_URL = "https://api.github.com/repos/UNxml/GAresolutions"
RAW_URL = "https://raw.githubusercontent.com/UNxml/GAresolutions"
#: The commit the project's corpus and samples were taken from.
COMMIT = "42a69b67bb92d23969fc45bba151320b82eb8e52"

#: ISO 639-1 code -> the UN's language letter in file names.
LANGUAGE_LETTERS = {"ar": "A", "zh": "C", "en": "E", "fr": "F", "ru": "R", "es": "S"}

# Session ("75" or special session "S-32"), resolution, then "_" + letter or "-" + job
# number + letter.
_FILE_NAME = re.compile(r"^(?:A_RES_)?(?P<session>S-\d+|\d+)_(?P<resolution>[^/]+?)"
                        r"(?:_|-\d{6,8})(?P<letter>[ACEFRS])\.xml$")
_FOLDER_SESSION = re.compile(r"\d+")
_TIMEOUT = 30


class FetchError(RuntimeError):
    """The repository could not be listed or a file could not be downloaded."""


@dataclass(frozen=True)
class RemoteFile:
    path: str  # path in the repository
    size: int | None
    sha: str | None  # git blob hash
    url: str | None = None  # download URL when the listing gives one


def parse_file_name(name: str) -> dict | None:
    """{"session", "resolution", "language"} from a repository file name, or None."""
    m = _FILE_NAME.match(name)
    if not m:
        return None
    language = {v: k for k, v in LANGUAGE_LETTERS.items()}[m["letter"]]
    return {"session": m["session"], "resolution": m["resolution"].strip(), "language": language}


def select_files(files: list[RemoteFile], session, language: str) -> list[RemoteFile]:
    """The files of one session and language, by file name.

    A special session's file ("A_RES_S-32_1...") that the repository keeps in a folder
    named after the regular session (a folder name whose only number is 75) comes along.
    """
    if language not in LANGUAGE_LETTERS:
        raise ValueError(f"language must be one of {sorted(LANGUAGE_LETTERS)}, not {language!r}")
    wanted = str(session).upper()
    chosen = []
    for f in files:
        info = parse_file_name(f.path.rsplit("/", 1)[-1])
        if not info or info["language"] != language:
            continue
        folders = f.path.split("/")[:-1]
        if info["session"] == wanted or (info["session"].startswith("S-") and any(
                _FOLDER_SESSION.findall(d) == [wanted] for d in folders)):
            chosen.append(f)
    return sorted(chosen, key=lambda f: f.path)


def git_blob_sha(data: bytes) -> str:
    """The hash git (and GitHub's listings) give a file: sha1 of "blob <size>\\0" + content."""
    return hashlib.sha1(b"blob %d\x00" % len(data) + data).hexdigest()


def fetch_unxml(session, language: str, dest: str | Path | None = None, *,
                ref: str = COMMIT, api_url: str | None = None, raw_url: str | None = None,
                threads: int = 8) -> pd.DataFrame:
    """Download one session's resolutions in one language into ``dest``.

    ``session`` is a number (75) or a special session ("S-32"); ``language`` an ISO code
    ("ar", "en", "fr", "es", "ru", "zh"). ``dest`` defaults to data/raw/unxml/<session>/<lang>;
    ``api_url`` and ``raw_url`` to GitHub's (``API_URL``, ``RAW_URL``), e.g. for a mirror.
    Returns one row per file: name, path, size, status ("downloaded" or "cached").
    Raises ``FetchError`` when offline or when the repository has no such files.
    """
    dest = Path(dest) if dest is not None else paths.RAW / "unxml" / str(session) / language
    api_url, raw_url = api_url or API_URL, raw_url or RAW_URL
    files = select_files(list_repository(api_url, ref), session, language)
    if not files:
        raise FetchError(f"no {language} files of session {session} in {api_url} at {ref}")
    dest.mkdir(parents=True, exist_ok=True)

    from concurrent.futures import ThreadPoolExecutor

    def one(f: RemoteFile) -> dict:
        target = dest / f.path.rsplit("/", 1)[-1]
        status = "cached" if is_current(target, f) else "downloaded"
        if status == "downloaded":
            url = f.url or f"{raw_url.rstrip('/')}/{ref}/{urllib.parse.quote(f.path)}"
            write_checked(target, download(url), f)
        return {"name": target.name, "path": str(target), "size": target.stat().st_size,
                "status": status}

    with ThreadPoolExecutor(max_workers=max(1, threads)) as pool:
        rows = list(pool.map(one, files))
    return pd.DataFrame(rows, columns=["name", "path", "size", "status"])


def is_current(target: Path, f: RemoteFile) -> bool:
    """Whether ``target`` already holds the listed file (same size and, if listed, hash)."""
    if not target.is_file():
        return False
    if f.size is not None and target.stat().st_size != f.size:
        return False
    return f.sha is None or git_blob_sha(target.read_bytes()) == f.sha


def write_checked(target: Path, data: bytes, f: RemoteFile) -> None:
    """Write ``data`` to ``target`` through a temporary file, after checking its hash."""
    if f.sha is not None and git_blob_sha(data) != f.sha:
        raise FetchError(f"{f.path}: downloaded content does not match the listed hash")
    tmp = target.with_name(target.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(target)


def list_repository(api_url: str = API_URL, ref: str = COMMIT) -> list[RemoteFile]:
    """Every file of the repository at ``ref``: the git-trees listing, or, when GitHub
    truncates it, a walk of the contents API."""
    base = api_url.rstrip("/")
    tree = download_json(f"{base}/git/trees/{urllib.parse.quote(ref)}?recursive=1")
    if isinstance(tree, dict) and "tree" in tree and not tree.get("truncated"):
        return [RemoteFile(e["path"], e.get("size"), e.get("sha"))
                for e in tree["tree"]
                if isinstance(e, dict) and e.get("type") == "blob" and e.get("path")]
    return walk_contents(base, ref)


def walk_contents(base: str, ref: str, path: str = "", depth: int = 0) -> list[RemoteFile]:
    """Files under ``path`` through the contents API (one request per folder)."""
    query = urllib.parse.urlencode({"ref": ref})
    listing = download_json(f"{base}/contents/{urllib.parse.quote(path)}?{query}")
    if not isinstance(listing, list):
        raise FetchError(f"{base}: unexpected listing for {path or '/'}")
    files = []
    for e in listing:
        if not isinstance(e, dict) or not e.get("path"):
            continue
        if e.get("type") == "file":
            files.append(RemoteFile(e["path"], e.get("size"), e.get("sha"),
                                    e.get("download_url")))
        elif e.get("type") == "dir" and depth < 4:
            files += walk_contents(base, ref, e["path"], depth + 1)
    return files


def download_json(url: str):
    try:
        return json.loads(download(url))
    except json.JSONDecodeError as exc:
        raise FetchError(f"{url}: not a JSON listing ({exc.msg})") from exc


def download(url: str) -> bytes:
    """The body at ``url``; any network failure becomes a one-line ``FetchError``."""
    headers = {"User-Agent": "un-resolutions-analysis", "Accept": "application/json, */*"}
    try:
        request = urllib.request.Request(url, headers=headers)
        with urllib.request.urlopen(request, timeout=_TIMEOUT) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, TimeoutError, ConnectionError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(f"cannot reach {url} ({reason}); are you offline?") from exc
    except ValueError as exc:  # not a URL urllib can open
        raise FetchError(f"{url}: {exc}") from exc


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.fetch SESSION LANGUAGE [DEST]``: a message, not a traceback."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (2, 3):
        print("usage: python -m analysis.fetch SESSION LANGUAGE [DEST]", file=sys.stderr)
        return 2
    try:
        table = fetch_unxml(args[0], args[1], args[2] if len(args) == 3 else None)
    except (FetchError, ValueError, OSError) as exc:
        print(f"fetch failed: {exc}", file=sys.stderr)
        return 1
    counts = table["status"].value_counts()
    print(f"{len(table)} files in {Path(table['path'].iloc[0]).parent}: "
          f"{counts.get('downloaded', 0)} downloaded, {counts.get('cached', 0)} already there")
    return 0


if __name__ == "__main__":
    sys.exit(main())
