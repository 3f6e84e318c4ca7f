"""The report: every notebook run on one resolution, written as HTML pages and figures.

``run_report`` executes each notebook of ``notebooks/`` with papermill, passing the resolution
file as the ``resolution`` parameter and a folder for the figures as ``figures_dir``, and
writes under ``reports/<resolution file stem>/``: one HTML page per notebook (nbconvert),
the figures the notebooks saved (PNG and SVG, through ``plots.save_figure``) and an index page.
The same call on another resolution file gives the same report for it.
"""

from __future__ import annotations

import html
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import paths
from .errors import ResolutionParseError

#: Papermill parameters every notebook declares in its cell tagged "parameters".
PARAMETERS = ("resolution", "figures_dir")


def notebook_paths(folder: Path = paths.NOTEBOOKS) -> list[Path]:
    """The report's notebooks, in order: ``NN_name.ipynb``."""
    return sorted(folder.glob("[0-9][0-9]_*.ipynb"))


def execute_notebook(notebook: Path, resolution: Path, figures_dir: Path | None):
    """Run ``notebook`` on ``resolution`` in a fresh kernel; return the executed notebook."""
    import papermill

    parameters = {"resolution": str(resolution)}
    if figures_dir is not None:
        parameters["figures_dir"] = str(figures_dir)
    # No ``cwd``: papermill would chdir the whole process, which races between threads.
    # The notebooks find their files through ``analysis.paths``, from any folder.
    return papermill.execute_notebook(str(notebook), None, parameters=parameters,
                                      progress_bar=False, log_output=False)


def notebook_html(nb) -> str:
    """An executed notebook as one self-contained HTML page (figures embedded)."""
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter().from_notebook_node(nb)
    return body


def write_page(notebook: Path, resolution: Path, figures_dir: Path | None, page: Path) -> Path:
    """Run ``notebook`` on ``resolution`` and write it as the HTML page ``page``."""
    page.write_text(notebook_html(execute_notebook(notebook, resolution, figures_dir)),
                    encoding="utf-8")
    return page


def index_html(title: str, pages: list[Path], figures: list[Path]) -> str:
    """A page linking the notebook pages and the figures (paths relative to the report)."""
    items = "\n".join(f'<li><a href="{html.escape(p.name)}">{html.escape(p.stem)}</a></li>'
                      for p in pages)
    pictures = "\n".join(
        f'<figure><a href="figures/{html.escape(f.name)}"><img src="figures/{html.escape(f.name)}"'
        f' alt="{html.escape(f.stem)}" style="max-width:100%"></a>'
        f'<figcaption>{html.escape(f.stem)} (<a href="figures/{html.escape(f.stem)}.svg">SVG</a>)'
        f"</figcaption></figure>"
        for f in figures if f.suffix == ".png")
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{html.escape(title)}'
            f"</title></head>\n<body>\n<h1>{html.escape(title)}</h1>\n<h2>Notebooks</h2>\n"
            f"<ul>\n{items}\n</ul>\n<h2>Figures</h2>\n{pictures}\n</body></html>\n")


def run_report(resolution_path, out_dir=paths.REPORTS) -> list[Path]:
    """Run every notebook on ``resolution_path``; return the paths written.

    Raises ``ResolutionParseError`` when the file is missing or is not a resolution, before
    any notebook runs.
    """
    from .resolution import load_resolution

    source = Path(resolution_path).resolve()
    if not source.is_file():
        raise ResolutionParseError("no such file", source=str(resolution_path),
                                   expected="a .txt or .xml resolution")
    symbol = load_resolution(source).meta.get("symbol") or source.stem
    target = Path(out_dir) / source.stem
    figures_dir = target / "figures"
    figures_dir.mkdir(parents=True, exist_ok=True)
    for old in [*figures_dir.glob("*.png"), *figures_dir.glob("*.svg")]:
        old.unlink()  # figures of an earlier run that this one may no longer draw

    # Each notebook runs in its own kernel process; two at a time use both cores.
    jobs = [(nb, source, figures_dir, target / f"{nb.stem}.html") for nb in notebook_paths()]
    with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        pages = list(pool.map(write_page, *zip(*jobs, strict=True)))
    figures = sorted([*figures_dir.glob("*.png"), *figures_dir.glob("*.svg")])
    index = target / "index.html"
    index.write_text(index_html(f"{symbol}: report ({source.name})", pages, figures),
                     encoding="utf-8")
    return [index, *pages, *figures]
