"""Static files storage: hashed names and gzip copies, made by collectstatic on every start."""

from __future__ import annotations

from typing import Any

from whitenoise.compress import Compressor
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):  # type: ignore[misc]
    """WhiteNoise's storage with gzip only.

    Brotli at its highest level (WhiteNoise uses it whenever the brotli module
    is importable) made ``collectstatic``, which ``pm-origins serve`` runs on
    every start, take most of a minute on a 2-core machine for ~700 files.
    """

    def create_compressor(self, **kwargs: Any) -> Compressor:
        return Compressor(use_brotli=False, **kwargs)
