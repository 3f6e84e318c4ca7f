"""Turn United Nations resolutions into data.

    >>> import analysis
    >>> res = analysis.load_resolution("data/raw/A_RES_68_192_ar.txt")
    >>> res.meta["symbol"], len(res.paragraphs)

The pipeline, one module per stage: ``read`` (bytes to text) -> ``segment`` (PDF-extracted
text) or ``akn`` (AKN4UN XML) -> ``model`` records -> ``tables`` (DataFrames) -> extractors
(``verbs``, ``actors``, ``references``, ``dates``) -> ``plots``.
"""

from .errors import ResolutionParseError
from .resolution import Resolution, detect_language, load_resolution

__all__ = ["Resolution", "ResolutionParseError", "detect_language", "load_resolution"]
__version__ = "0.1.0"
