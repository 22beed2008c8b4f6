"""Evidence from what people wrote: a bundled sentence encoder and résumé reading.

No Django here. The encoder and anything that uses it need the optional
`evidence` extra; without it they raise `EvidenceUnavailable` with a message
that says how to install it. See docs/EVIDENCE.md.
"""

from __future__ import annotations

from pm_origins.evidence.analysis import (
    ResumeAnalysis,
    analyze_resume,
    evaluate_resume_text,
    evaluate_with_resume,
)
from pm_origins.evidence.bullets import BulletReader, default_reader
from pm_origins.evidence.encoder import SentenceEncoder, default_encoder, default_model_path
from pm_origins.evidence.errors import EvidenceUnavailable, ResumeFileError
from pm_origins.evidence.files import (
    FORMATS,
    MAX_TEXT_CHARS,
    MAX_UPLOAD_BYTES,
    clean_text,
    read_resume_file,
    resume_text,
)
from pm_origins.evidence.resume import MAX_BULLETS, ResumeRole, parse_resume
from pm_origins.evidence.titles import SemanticIndex, extra_installed, title_matcher

__all__ = [
    "FORMATS",
    "MAX_BULLETS",
    "MAX_TEXT_CHARS",
    "MAX_UPLOAD_BYTES",
    "BulletReader",
    "EvidenceUnavailable",
    "ResumeAnalysis",
    "ResumeFileError",
    "ResumeRole",
    "SemanticIndex",
    "SentenceEncoder",
    "analyze_resume",
    "clean_text",
    "default_encoder",
    "default_model_path",
    "default_reader",
    "evaluate_resume_text",
    "evaluate_with_resume",
    "extra_installed",
    "parse_resume",
    "read_resume_file",
    "resume_text",
    "title_matcher",
]
