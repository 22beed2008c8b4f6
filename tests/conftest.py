from __future__ import annotations

import pytest

from pm_origins.framework import Framework, load_framework


@pytest.fixture(scope="session")
def framework() -> Framework:
    return load_framework()
