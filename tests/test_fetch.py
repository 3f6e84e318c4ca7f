"""fetch_unxml against a local HTTP server that imitates GitHub's listings: no network."""

import functools
import http.server
import json
import socket
import threading

import pytest

from analysis.fetch import (
    FetchError,
    RemoteFile,
    fetch_unxml,
    git_blob_sha,
    main,
    parse_file_name,
    select_files,
)

REF = "abc123"
# Repository paths -> content; names as in the UN repository (see /work/shared/corpus).
REPO = {
    "75/ar/75_1_A.xml": b"<akomaNtoso>75/1 ar</akomaNtoso>",
    "75/ar/75_290 A_A.xml": b"<akomaNtoso>75/290 A ar</akomaNtoso>",
    "75/ar/A_RES_S-32_1-2107229A.xml": b"<akomaNtoso>S-32/1 ar</akomaNtoso>",
    "75/en/75_1_E.xml": b"<akomaNtoso>75/1 en</akomaNtoso>",
    "76/A_RES_76_186-2119241A.xml": b"<akomaNtoso>76/186 ar</akomaNtoso>",
    "README.md": b"readme",
}
SESSION_75_AR = {"75_1_A.xml", "75_290 A_A.xml", "A_RES_S-32_1-2107229A.xml"}


def _tree(repo):
    return {"sha": REF, "truncated": False, "tree": [
        {"path": p, "type": "blob", "size": len(b), "sha": git_blob_sha(b)}
        for p, b in repo.items()] + [{"path": "75", "type": "tree", "sha": "x"}]}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def server(tmp_path):
    """Serves tmp_path/site: api/git/trees/<REF> (the listing) and raw/<REF>/<path>."""
    site = tmp_path / "site"
    for path, body in REPO.items():
        target = site / "raw" / REF / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body)
    listing = site / "api" / "git" / "trees" / REF
    listing.parent.mkdir(parents=True)
    listing.write_text(json.dumps(_tree(REPO)))
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield {"api_url": f"{base}/api", "raw_url": f"{base}/raw", "site": site}
    httpd.shutdown()
    httpd.server_close()


def _fetch(server, dest, session=75, language="ar"):
    return fetch_unxml(session, language, dest, ref=REF, api_url=server["api_url"],
                       raw_url=server["raw_url"], threads=2)


def test_downloads_one_session_and_language(server, tmp_path):
    dest = tmp_path / "out"
    table = _fetch(server, dest)
    assert set(table["name"]) == SESSION_75_AR
    assert set(table["status"]) == {"downloaded"}
    assert (dest / "75_290 A_A.xml").read_bytes() == REPO["75/ar/75_290 A_A.xml"]
    assert sorted(p.name for p in dest.iterdir()) == sorted(SESSION_75_AR)


def test_second_fetch_uses_files_already_there(server, tmp_path):
    dest = tmp_path / "out"
    _fetch(server, dest)
    (dest / "75_1_A.xml").write_bytes(b"<akomaNtoso>edited</akomaNtoso>")
    table = _fetch(server, dest).set_index("name")
    assert table.loc["75_1_A.xml", "status"] == "downloaded"
    assert table.loc["75_290 A_A.xml", "status"] == "cached"
    assert (dest / "75_1_A.xml").read_bytes() == REPO["75/ar/75_1_A.xml"]


def test_content_not_matching_the_listing_is_refused(server, tmp_path):
    (server["site"] / "raw" / REF / "75/en/75_1_E.xml").write_bytes(b"tampered")
    with pytest.raises(FetchError, match="does not match"):
        _fetch(server, tmp_path / "out", language="en")
    assert not (tmp_path / "out" / "75_1_E.xml").exists()


def test_truncated_tree_falls_back_to_the_contents_api(server, tmp_path):
    site = server["site"]
    tree = _tree(REPO)
    tree["truncated"] = True
    (site / "api" / "git" / "trees" / REF).write_text(json.dumps(tree))
    # The contents API lists one folder per request; index.html is what the server sends
    # for a folder URL.
    folders = {"": ["75", "76"], "75": ["75/ar", "75/en"]}
    for folder, subfolders in folders.items():
        entries = [{"type": "dir", "path": d, "name": d} for d in subfolders]
        (site / "api" / "contents" / folder).mkdir(parents=True, exist_ok=True)
        (site / "api" / "contents" / folder / "index.html").write_text(json.dumps(entries))
    for folder in ("75/ar", "75/en", "76"):
        entries = [{"type": "file", "path": p, "name": p.rsplit("/", 1)[1], "size": len(b),
                    "sha": git_blob_sha(b), "download_url": None}
                   for p, b in REPO.items() if p.rsplit("/", 1)[0] == folder]
        (site / "api" / "contents" / folder).mkdir(parents=True, exist_ok=True)
        (site / "api" / "contents" / folder / "index.html").write_text(json.dumps(entries))
    table = _fetch(server, tmp_path / "out")
    assert set(table["name"]) == SESSION_75_AR


def test_offline_is_a_clear_error_not_a_traceback(tmp_path, capsys, monkeypatch):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError, match=r"cannot reach .* are you offline"):
        fetch_unxml(75, "ar", tmp_path, api_url=f"http://127.0.0.1:{port}/api")
    monkeypatch.setattr("analysis.fetch.API_URL", f"http://127.0.0.1:{port}/api")
    assert main(["75", "ar", str(tmp_path / "x")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("fetch failed: cannot reach") and "Traceback" not in err


def test_no_files_for_the_session(server, tmp_path):
    with pytest.raises(FetchError, match="no en files of session 99"):
        _fetch(server, tmp_path / "out", session=99, language="en")


def test_file_names_in_both_spellings():
    assert parse_file_name("75_101A-B_E.xml") == {
        "session": "75", "resolution": "101A-B", "language": "en"}
    assert parse_file_name("A_RES_75_242 B-2108986A.xml") == {
        "session": "75", "resolution": "242 B", "language": "ar"}
    assert parse_file_name("A_RES_76_186-2119241S.xml")["language"] == "es"
    assert parse_file_name("README.md") is None


def test_special_session_only_from_its_regular_session_folder():
    files = [RemoteFile("75/ar/A_RES_S-32_1-2107229A.xml", 1, None),
             RemoteFile("other/A_RES_S-31_1-2000000A.xml", 1, None)]
    assert [f.path for f in select_files(files, 75, "ar")] == [files[0].path]
    assert [f.path for f in select_files(files, "S-31", "ar")] == [files[1].path]
    with pytest.raises(ValueError):
        select_files(files, 75, "Arabic")


def test_git_blob_sha_is_what_git_hash_object_prints():
    # `printf 'hello\n' | git hash-object --stdin`
    assert git_blob_sha(b"hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a"


def test_a_bad_base_url_is_a_fetch_error(tmp_path):
    with pytest.raises(FetchError, match="unknown url type"):
        fetch_unxml(75, "ar", tmp_path, api_url="nowhere/api")
