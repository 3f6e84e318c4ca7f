"""The notebooks: committed executed and parameterized, and the report on other resolutions.

``run_report`` runs every notebook with papermill on an English and on an Arabic AKN4UN file
of resolution 76/186 (data/raw/, see its README for provenance): the same notebooks that
show the Arabic seed must work on any resolution.
"""

import html
import json
from pathlib import Path

import pytest

from analysis import ResolutionParseError, paths, report

# The notebooks about one resolution; the report also runs any other NN_*.ipynb (such as a
# notebook about a whole session), which must accept the same parameters.
NOTEBOOKS = ["01_structure", "02_operative_verbs", "03_actors", "04_reference_timeline",
             "05_series"]
FIGURES = ["01_structure", "02_operative_verbs", "02_preambular_phrases", "03_actor_mentions",
           "03_actor_paragraph_map", "03_actor_verb_matrix", "04_reference_timeline",
           "05_series_verbs", "05_series_actors", "05_series_references"]


def _cells(name: str) -> list[dict]:
    return json.loads((paths.NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]


def test_the_report_runs_these_notebooks_first():
    assert [p.stem for p in report.notebook_paths()][:5] == NOTEBOOKS


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_committed_executed_in_order_with_parameters(name):
    cells = [c for c in _cells(name) if c["cell_type"] == "code"]
    # Run top to bottom in a fresh kernel: execution counts 1, 2, 3, ...
    assert [c["execution_count"] for c in cells] == list(range(1, len(cells) + 1))
    assert not [o for c in cells for o in c["outputs"] if o["output_type"] == "error"]
    tagged = [c for c in cells if "parameters" in c["metadata"].get("tags", [])]
    assert len(tagged) == 1
    source = "".join(tagged[0]["source"])
    assert "resolution = paths.SEED" in source and "figures_dir = None" in source
    # Figures are stored as PNG, not SVG.
    kinds = {k for c in cells for o in c["outputs"] for k in o.get("data", {})}
    assert "image/png" in kinds and "image/svg+xml" not in kinds


@pytest.mark.parametrize(("file", "expected"), [
    # 76/186 in English: operative paragraph 3 opens "Calls upon".
    ("A_RES_76_186-2119241E.xml", "Calls upon"),
    # The same in Arabic: operative paragraph 3 opens "تهيب".
    ("A_RES_76_186-2119241A.xml", "تهيب"),
])
def test_report_on_another_resolution(tmp_path, monkeypatch, file, expected):
    monkeypatch.chdir(tmp_path)  # the notebooks find their files from any folder
    written = report.run_report(paths.RAW / file, out_dir=tmp_path)
    assert Path.cwd() == tmp_path  # notebooks run in parallel must not move the process
    folder = tmp_path / file.removesuffix(".xml")
    assert written[0] == folder / "index.html"
    pages = [p.name for p in written if p.suffix == ".html"][1:]
    assert pages == [f"{p.stem}.html" for p in report.notebook_paths()]
    figures = {p.name for p in written if p.parent.name == "figures"}
    assert figures >= {f"{f}.{ext}" for f in FIGURES for ext in ("png", "svg")}
    assert all(p.is_file() and p.stat().st_size > 0 for p in written)
    structure = (folder / "01_structure.html").read_text(encoding="utf-8")
    assert "A/RES/76/186" in structure and expected in structure
    # each page is titled by its notebook's heading (a browser tab says which page it is)
    assert "<title>1. The anatomy of a General Assembly resolution</title>" in structure
    verbs = (folder / "02_operative_verbs.html").read_text(encoding="utf-8")
    assert "calls upon" in verbs  # the English equivalent, whatever the language
    assert "data:image/png;base64" in verbs  # the charts are in the page
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert 'href="03_actors.html"' in index and "figures/04_reference_timeline.png" in index
    # The index names the resolution and the notebooks by their first heading.
    assert "A/RES/76/186" in index and "1. The anatomy of a General Assembly resolution" in index
    # The parameters papermill injects (absolute temporary paths) are not in the pages.
    assert str(tmp_path) not in structure and str(tmp_path) not in verbs
    # The session notebook reads the bundled sample in the resolution's language.
    session = (folder / "06_session.html").read_text(encoding="utf-8")
    language = "en" if file.endswith("E.xml") else "ar"
    sample = len(list((paths.DATA / "sample" / "75" / language).glob("*.xml")))  # 29 en, 26 ar
    assert f"resolutions ({language}: {sample})" in html.unescape(session)


def test_the_session_notebook_gets_the_sample_in_the_resolution_language():
    # data/sample/75 holds ar/ and en/; a notebook that does not declare ``folder`` gets none.
    declared = {"folder": {}, "resolution": {}, "figures_dir": {}}
    english = report.notebook_parameters(declared, Path("r.xml"), "en", None)
    assert english == {"resolution": "r.xml", "folder": str(paths.DATA / "sample/75/en")}
    arabic = report.notebook_parameters({"resolution": {}}, Path("r.xml"), "ar", Path("f"))
    assert arabic == {"resolution": "r.xml", "figures_dir": "f"}


def test_index_page_titles_and_direction():
    page = report.index_html("A/RES/68/192", "تحسين تنسيق الجهود", "A_RES_68_192_ar.txt",
                             [(Path("01_structure.html"), "1. The anatomy")], [])
    assert '<h1 dir="auto">تحسين تنسيق الجهود</h1>' in page  # Arabic laid out right to left
    assert '<a href="01_structure.html">1. The anatomy</a>' in page
    assert "<style>" in page and "<title>A/RES/68/192: تحسين تنسيق الجهود</title>" in page
    assert "<h2>Data</h2>" not in page
    with_network = report.index_html("A/RES/68/192", "", "x.txt", [],
                                     [Path("f/06_citations.graphml")])
    assert '<a href="figures/06_citations.graphml">06_citations.graphml</a>' in with_network


def test_no_check_output_comments_left_in_the_notebooks():
    # nbval's cell tag does the same without a comment in the code students read.
    for path in report.notebook_paths():
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        assert not [c for c in cells if "NBVAL_" in "".join(c["source"])], path.name
        assert any("nbval-check-output" in c["metadata"].get("tags", []) for c in cells)


def test_report_refuses_a_missing_file(tmp_path):
    with pytest.raises(ResolutionParseError, match="no such file"):
        report.run_report(tmp_path / "A_RES_99_1.xml", out_dir=tmp_path)
    assert not list(tmp_path.iterdir())


def test_report_refuses_a_file_that_is_no_resolution(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(ResolutionParseError):
        report.run_report(empty, out_dir=tmp_path / "reports")
    assert not (tmp_path / "reports").exists()  # nothing written, no notebook run


def test_a_failing_notebook_is_one_error_and_leaves_the_earlier_report(tmp_path, monkeypatch):
    # A notebook whose cell raises: the report names it and the error, keeps the report
    # written before, and leaves no half-written folder behind.
    notebook = tmp_path / "01_fails.ipynb"
    notebook.write_text(json.dumps({
        "cells": [{"cell_type": "code", "execution_count": None, "id": "p", "outputs": [],
                   "metadata": {"tags": ["parameters"]},
                   "source": "resolution = None\nfigures_dir = None"},
                  {"cell_type": "code", "execution_count": None, "id": "r", "outputs": [],
                   "metadata": {}, "source": "raise ValueError('no partner')"}],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                    "language": "python"}},
        "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    monkeypatch.setattr(report, "notebook_paths", lambda: [notebook])
    out = tmp_path / "reports"
    earlier = out / "A_RES_68_192_ar" / "index.html"
    earlier.parent.mkdir(parents=True)
    earlier.write_text("earlier", encoding="utf-8")
    with pytest.raises(ResolutionParseError,
                       match=r"notebook 01_fails.ipynb failed: ValueError: no partner"):
        report.run_report(paths.SEED, out_dir=out)
    assert earlier.read_text(encoding="utf-8") == "earlier"
    assert [p.name for p in out.iterdir()] == ["A_RES_68_192_ar"]


def test_the_series_notebook_gets_the_resolution_to_compare_with():
    declared = {"resolution": {}, "other_resolution": {}}
    given = report.notebook_parameters(declared, Path("r.xml"), "ar", None, Path("o.xml"))
    assert given == {"resolution": "r.xml", "other_resolution": "o.xml"}
    # a notebook that does not declare it does not get it
    assert "other_resolution" not in report.notebook_parameters(
        {"resolution": {}}, Path("r.xml"), "ar", None, Path("o.xml"))
