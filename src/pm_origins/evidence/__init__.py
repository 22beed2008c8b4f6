"""Evidence from what people wrote: a bundled sentence encoder and résumé reading.

No Django here. The encoder and anything that uses it need the optional
`evidence` extra; without it they raise `EvidenceUnavailable` with a message
that says how to install it.
"""

from __future__ import annotations

from pm_origins.evidence.encoder import SentenceEncoder, default_encoder, default_model_path
from pm_origins.evidence.errors import EvidenceUnavailable
from pm_origins.evidence.titles import SemanticIndex, extra_installed, title_matcher

__all__ = [
    "EvidenceUnavailable",
    "SemanticIndex",
    "SentenceEncoder",
    "default_encoder",
    "default_model_path",
    "extra_installed",
    "title_matcher",
]
