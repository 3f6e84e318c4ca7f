"""The one place that defines the project's paths.

Package data (lexicons, reference tables) is read with importlib.resources, never from here:
these paths exist only in a checkout of the project, for the CLI, notebooks and reports.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Root of a project checkout (the folder holding pyproject.toml); overridable for installs.
ROOT = Path(os.environ.get("UN_ANALYSIS_ROOT", Path(__file__).resolve().parent.parent))
DATA = ROOT / "data"
RAW = DATA / "raw"
PROCESSED = DATA / "processed"
NOTEBOOKS = ROOT / "notebooks"
REPORTS = ROOT / "reports"

#: The bundled reference document: General Assembly resolution 68/192 in Arabic.
SEED = RAW / "A_RES_68_192_ar.txt"
