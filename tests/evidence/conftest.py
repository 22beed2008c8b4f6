from __future__ import annotations

import pytest

from pm_origins.evidence import SentenceEncoder, default_encoder


@pytest.fixture(scope="session")
def encoder() -> SentenceEncoder:
    return default_encoder()
