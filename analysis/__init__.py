"""Turn United Nations resolutions into data.

    >>> import analysis
    >>> res = analysis.load_resolution("data/raw/A_RES_68_192_ar.txt")
    >>> res.meta["symbol"], len(res.paragraphs)

The pipeline, one module per stage: ``read`` (bytes to text) -> ``segment`` (PDF-extracted
text) or ``akn`` (AKN4UN XML) -> ``model`` records -> ``tables`` (DataFrames) -> extractors
(``verbs``, ``actors``, ``references``, ``dates``) -> ``plots``.
"""

from .align import align_paragraphs
from .corpus import Corpus, load_corpus
from .errors import ResolutionParseError
from .resolution import Resolution, detect_language, load_resolution, same_series, series_partner

__all__ = ["Corpus", "Resolution", "ResolutionParseError", "align_paragraphs",
           "detect_language", "fetch_unxml",
           "load_corpus", "load_resolution", "read_un_metadata", "same_series",
           "series_partner"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # Imported on first use: urllib (fetch) is slow to import and most users never fetch.
    if name == "fetch_unxml":
        from .fetch import fetch_unxml

        return fetch_unxml
    if name == "read_un_metadata":
        from .un_metadata import read_un_metadata

        return read_un_metadata
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
