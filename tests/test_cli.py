"""The command line: ``python -m analysis parse`` writes tables; bad input is one line, exit 2."""

import json
import subprocess
import sys

from analysis import paths
from analysis.__main__ import main


def test_parse_writes_tables_and_summary(tmp_path, capsys):
    assert main(["parse", str(paths.SEED), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    # Header of the seed: "١٩٢/٦٨ - ..." (line 17), adopted 18 December 2013 (line 13).
    assert "A/RES/68/192 (ar, text)" in out
    assert "adopted 2013-12-18, meeting 70, agenda item 108" in out
    assert "30 preamble, 18 operative paragraphs; 6 sub-paragraphs; 15 footnotes" in out
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "A_RES_68_192_ar_paragraphs.csv" in names
    assert "A_RES_68_192_ar_footnotes.json" in names
    assert "A_RES_68_192_ar_references.csv" in names and "A_RES_68_192_ar_dates.json" in names
    # CSV with a byte-order mark (spreadsheets read the Arabic), list cells joined with ";":
    # footnote 1 (seed line 29) is cited in preambular paragraph 4 and operative paragraph 15.
    csv_text = (tmp_path / "A_RES_68_192_ar_footnotes.csv").read_text(encoding="utf-8")
    assert csv_text.startswith("\ufeffnumber,text,cited_in")
    assert "1,القرار ٢/٥٥.,3;50," in csv_text
    meta = json.loads((tmp_path / "A_RES_68_192_ar_meta.json").read_text(encoding="utf-8"))
    assert meta["symbol"] == "A/RES/68/192" and meta["committee_report"] == "A/68/457"
    footnotes = json.loads((tmp_path / "A_RES_68_192_ar_footnotes.json").read_text("utf-8"))
    assert [f["number"] for f in footnotes] == list(range(1, 16))


def test_shaped_output_for_terminals(capsys):
    assert main(["parse", str(paths.SEED), "--shape"]) == 0
    out = capsys.readouterr().out
    # Presentation forms (joined letters) appear only when the CLI shapes for a terminal.
    assert any("\ufe70" <= ch <= "\ufeff" for ch in out)


def test_bad_file_is_one_line_and_exit_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    truncated = tmp_path / "truncated.txt"
    truncated.write_bytes(paths.SEED.read_bytes()[:3000])  # cut inside the preamble
    pdf = tmp_path / "resolution.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%binary")
    for bad in (empty, truncated, tmp_path / "missing.txt", tmp_path / "missing", tmp_path, pdf):
        run = subprocess.run([sys.executable, "-m", "analysis", "parse", str(bad)],
                             capture_output=True, text=True, cwd=tmp_path)
        assert run.returncode == 2, run.stderr
        assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
        assert run.stderr.startswith(f"error: {bad}")


def test_what_each_bad_path_says(tmp_path):
    pdf = tmp_path / "resolution.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%binary")
    said = {}
    for bad in (tmp_path / "missing", tmp_path, pdf):
        run = subprocess.run([sys.executable, "-m", "analysis", "parse", str(bad)],
                             capture_output=True, text=True, cwd=tmp_path)
        said[bad.name] = run.stderr
    assert "no such file" in said["missing"]
    assert "is a folder" in said[tmp_path.name] and "load_corpus" in said[tmp_path.name]
    assert "a PDF file" in said["resolution.pdf"] and "pdftotext" in said["resolution.pdf"]


def test_an_out_folder_that_is_a_file_is_one_line_and_exit_2(tmp_path):
    taken = tmp_path / "tables.txt"
    taken.write_text("x")
    for command in ("parse", "report"):
        run = subprocess.run([sys.executable, "-m", "analysis", command, str(paths.SEED),
                              "--out", str(taken)], capture_output=True, text=True, cwd=tmp_path)
        assert run.returncode == 2, run.stderr
        assert "Traceback" not in run.stderr and run.stderr.count("\n") == 1
        assert run.stderr.startswith(f"error: {taken}") and "--out to name a folder" in run.stderr


def test_a_missing_report_file_says_what_was_expected(tmp_path, capsys):
    assert main(["report", str(tmp_path / "nope.txt")]) == 2
    assert capsys.readouterr().err == (f"error: {tmp_path / 'nope.txt'}: no such file "
                                       "(expected a path to a .txt or .xml file)\n")


def test_verbs_command_has_help(capsys):
    import pytest

    from analysis.verbs import main as verbs_main

    with pytest.raises(SystemExit) as done:
        verbs_main(["coverage", "--help"])
    assert done.value.code == 0 and "--all" in capsys.readouterr().out
