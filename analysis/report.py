"""The report: every notebook run on one resolution, written as HTML pages and figures.

``run_report`` executes each notebook of ``notebooks/`` with papermill, passing the resolution
file as the ``resolution`` parameter and a folder for the figures as ``figures_dir``, and
writes under ``reports/<resolution file stem>/``: one HTML page per notebook (nbconvert),
the figures the notebooks saved (PNG and SVG, through ``plots.save_figure``) and an index page.
The same call on another resolution file gives the same report for it.
"""

from __future__ import annotations

import functools
import html
import os
import re
import shutil
import tempfile
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from . import paths
from .errors import ResolutionParseError

#: Papermill parameters every notebook declares in its cell tagged "parameters".
PARAMETERS = ("resolution", "figures_dir")
#: The bundled sample of a session, one folder per language (data/sample/README.md): what a
#: notebook about a whole session (parameter ``folder``) reads in the resolution's language.
SAMPLE = paths.DATA / "sample" / "75"
#: Cells the HTML pages leave out: the parameters papermill injects hold absolute temporary
#: paths, which say nothing to a reader (the resolution is named in the page itself).
HIDDEN_TAGS = ("injected-parameters",)


def notebook_paths(folder: Path = paths.NOTEBOOKS) -> list[Path]:
    """The report's notebooks, in order: ``NN_name.ipynb``."""
    return sorted(folder.glob("[0-9][0-9]_*.ipynb"))


def notebook_parameters(declared, resolution: Path, language: str,
                        figures_dir: Path | None, other: Path | None = None) -> dict[str, str]:
    """What the report passes to a notebook that declares the parameters ``declared``:
    the resolution, the figures folder, for a notebook about a whole session (``folder``)
    the bundled sample in the resolution's language, when there is one, and for the series
    notebook the resolution to compare with (``other_resolution``), when one is given."""
    values = {"resolution": str(resolution)}
    if figures_dir is not None:
        values["figures_dir"] = str(figures_dir)
    if (SAMPLE / language).is_dir():
        values["folder"] = str(SAMPLE / language)
    if other is not None:
        values["other_resolution"] = str(other)
    return {k: v for k, v in values.items() if k in PARAMETERS or k in declared}


@functools.cache
def _kernel_manager():
    """A kernel manager that neither interrupts the kernel it shuts down nor talks TCP.

    jupyter_client sends SIGINT before every shutdown request, which the kernel logs as
    "KeyboardInterrupt caught in kernel" after a successful run; over TCP (its default) the
    kernel warns that the traffic is not encrypted. The kernel is a local child process:
    Unix sockets (IPC, on POSIX systems) are the transport it needs, and the shutdown request
    alone stops it (the manager still kills a kernel that does not stop).
    """
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class QuietKernelManager(AsyncKernelManager):
        @default("transport")
        def _transport_default(self) -> str:
            return "ipc" if os.name == "posix" else "tcp"

        @default("ip")
        def _ip_default(self) -> str:
            # The sockets' path: one of its own per kernel (jupyter_client's default,
            # "kernel-ipc" in the working folder, would be shared by kernels run in parallel).
            if self.transport != "ipc":
                return super()._ip_default()
            return os.path.join(tempfile.gettempdir(), f"kernel-{uuid.uuid4().hex[:16]}-ipc")

        async def _async_interrupt_kernel(self) -> None:
            if not self.shutting_down:
                await super()._async_interrupt_kernel()

    return QuietKernelManager


def execute_notebook(notebook: Path, resolution: Path, figures_dir: Path | None,
                     language: str = "ar", other: Path | None = None):
    """Run ``notebook`` on ``resolution`` in a fresh kernel; return the executed notebook.

    Raises ``ResolutionParseError`` naming the notebook and the error a cell raised.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    declared = papermill.inspect_notebook(str(notebook))
    parameters = notebook_parameters(declared, resolution, language, figures_dir, other)
    # No ``cwd``: papermill would chdir the whole process, which races between threads.
    # The notebooks find their files through ``analysis.paths``, from any folder.
    try:
        return papermill.execute_notebook(str(notebook), None, parameters=parameters,
                                          progress_bar=False, log_output=False,
                                          kernel_manager_class=_kernel_manager())
    except PapermillExecutionError as exc:
        raise ResolutionParseError(
            f"notebook {notebook.name} failed: {exc.ename}: {exc.evalue}", source=str(resolution),
            expected="a resolution every notebook of the report can run on") from None


def notebook_html(nb) -> str:
    """An executed notebook as one self-contained HTML page (figures embedded), without
    the cells tagged ``HIDDEN_TAGS``, titled by the notebook's first heading."""
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor

    exporter = HTMLExporter()
    exporter.register_preprocessor(
        TagRemovePreprocessor(remove_cell_tags=set(HIDDEN_TAGS), enabled=True), enabled=True)
    title = notebook_title(nb) or "Notebook"
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


def notebook_title(nb) -> str:
    """The first heading of a notebook's first markdown cell, without its #s ("" if none)."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            heading = _HEADING.search(cell.source)
            if heading:
                return heading.group(1).strip()
    return ""


def write_page(notebook: Path, resolution: Path, figures_dir: Path | None, page: Path,
               language: str = "ar", other: Path | None = None) -> tuple[Path, str]:
    """Run ``notebook`` on ``resolution``, write it as the HTML page ``page``; return the
    page and the notebook's title."""
    nb = execute_notebook(notebook, resolution, figures_dir, language, other)
    page.write_text(notebook_html(nb), encoding="utf-8")
    return page, notebook_title(nb)


_HEADING = re.compile(r"^#{1,6}[ \t]+(.+)$", re.MULTILINE)
# Any Arabic letter: the page then sets the direction of each text by its first letter.
_ARABIC = re.compile("[\u0600-\u06ff]")
_CSS = """body { font-family: system-ui, "DejaVu Sans", sans-serif; max-width: 60rem;
  margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #222; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } .symbol { color: #555; margin-top: 0; }
ol.notebooks li { margin: 0.4rem 0; } a { color: #0072B2; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr));
  gap: 1.5rem; } figure { margin: 0; } figure img { max-width: 100%; border: 1px solid #ddd; }
figcaption { font-size: 0.9rem; color: #555; }
[dir="rtl"] { font-family: "Noto Naskh Arabic", "DejaVu Sans", serif; }"""


def _direction(text: str) -> str:
    return ' dir="auto"' if _ARABIC.search(text) else ""


def index_html(symbol: str, title: str, source: str, pages: list[tuple[Path, str]],
               figures: list[Path]) -> str:
    """The report's front page: the resolution (symbol and title), the notebook pages by
    their titles and the figures (paths relative to the report). Arabic text is laid out
    right to left (``dir="auto"``)."""
    esc = html.escape
    items = "\n".join(
        f'<li><a href="{esc(p.name)}">{esc(name or p.stem)}</a></li>' for p, name in pages)
    pictures = "\n".join(
        f'<figure><a href="figures/{esc(f.name)}"><img src="figures/{esc(f.name)}"'
        f' alt="{esc(f.stem)}"></a>'
        f'<figcaption>{esc(f.stem)} (<a href="figures/{esc(f.stem)}.svg">SVG</a>)'
        f"</figcaption></figure>"
        for f in figures if f.suffix == ".png")
    # the citation network as GraphML, for Gephi, Cytoscape or networkx.read_graphml
    data = "\n".join(f'<li><a href="figures/{esc(f.name)}">{esc(f.name)}</a></li>'
                      for f in figures if f.suffix == ".graphml")
    data_section = f"<h2>Data</h2>\n<ul>\n{data}\n</ul>\n" if data else ""
    heading = title or symbol
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(symbol)}: {esc(heading)}</title>\n<style>\n{_CSS}\n</style>"
            f"</head>\n<body>\n<h1{_direction(heading)}>{esc(heading)}</h1>\n"
            f'<p class="symbol">{esc(symbol)} &middot; {esc(source)}</p>\n'
            f"<p>What the package <code>analysis</code> finds in this General Assembly "
            f"resolution: its structure, the verbs that give its paragraphs their force, the "
            f"actors it names, what it builds on, how it compares with another resolution of "
            f"its series, and a whole session for context. Each notebook was run on this "
            f"resolution; the figures are also below, as PNG and SVG.</p>\n"
            f'<h2>Notebooks</h2>\n<ol class="notebooks">\n{items}\n</ol>\n'
            f'<h2>Figures</h2>\n<div class="figures">\n{pictures}\n</div>\n'
            f"{data_section}</body></html>\n")


def run_report(resolution_path, out_dir=paths.REPORTS, other=None) -> list[Path]:
    """Run every notebook on ``resolution_path``; return the paths written.

    The report goes to ``out_dir/<file name without extension>/``, replacing an earlier one
    only once every notebook has run (it is written in a folder beside it, then moved).
    ``other``: the resolution the series notebook compares with (default: its own choice).
    Raises ``ResolutionParseError`` when the file is missing or is not a resolution (before
    any notebook runs), or when a notebook fails on it.
    """
    from .resolution import load_resolution

    source = Path(resolution_path).resolve()
    res = load_resolution(source)
    if other is not None:
        other = Path(other).resolve()
        load_resolution(other)  # (a missing or unreadable file: its error, now)
    symbol = res.meta.get("symbol") or source.stem
    target = Path(out_dir) / source.stem
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{source.stem}-", dir=target.parent))
    try:
        figures_dir = staging / "figures"
        figures_dir.mkdir()
        # Each notebook runs in its own kernel process; two at a time use both cores.
        jobs = [(nb, source, figures_dir, staging / f"{nb.stem}.html", res.language, other)
                for nb in notebook_paths()]
        with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
            pages = list(pool.map(write_page, *zip(*jobs, strict=True)))
        (staging / "index.html").write_text(
            index_html(symbol, res.meta.get("title") or "", source.name, pages,
                       _figure_files(figures_dir)), encoding="utf-8")
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # (gone already when all went well)
    return [target / "index.html", *(target / page.name for page, _ in pages),
            *_figure_files(target / "figures")]


def _figure_files(folder: Path) -> list[Path]:
    """The figures (PNG, SVG) and data files (GraphML) the notebooks write, sorted."""
    return sorted(p for p in folder.iterdir() if p.suffix in (".png", ".svg", ".graphml"))
