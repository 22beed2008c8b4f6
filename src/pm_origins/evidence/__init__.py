"""Evidence from what people wrote: a bundled sentence encoder and résumé reading.

No Django here. The encoder and anything that uses it need the optional
`evidence` extra; without it they raise `EvidenceUnavailable` with a message
that says how to install it.
"""

from __future__ import annotations

from pm_origins.evidence.encoder import SentenceEncoder, default_encoder, default_model_path
from pm_origins.evidence.errors import EvidenceUnavailable

__all__ = [
    "EvidenceUnavailable",
    "SentenceEncoder",
    "default_encoder",
    "default_model_path",
]
