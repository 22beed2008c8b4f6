"""The bundled word list: real words that typo tolerance must never "correct".

About 136,000 common words of English, German, French, Spanish, Portuguese and
Dutch, folded to plain lower-case letters, 5 to 32 letters long (shorter words
are never corrected). Built by `scripts/build_lexicon.py`; see docs/TITLES.md.
The engine does no I/O, so callers load this and hand it to the title matcher.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def load_lexicon() -> frozenset[str]:
    """The bundled word list, read once per process."""
    data = (resources.files("pm_origins.framework") / "data" / "lexicon.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode("ascii").split())
