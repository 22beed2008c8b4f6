"""The docs cover what the code offers: every setting and every CLI command."""

from __future__ import annotations

from pathlib import Path

from pm_origins.framework import ENV_VAR
from pm_origins.web.options import OPTIONS

ROOT = Path(__file__).resolve().parents[1]


def test_every_setting_is_in_the_deployment_docs() -> None:
    text = (ROOT / "docs" / "DEPLOYMENT.md").read_text(encoding="utf-8")
    missing = [o.name for o in OPTIONS if f"`{o.name}`" not in text]
    assert not missing, f"document these settings in docs/DEPLOYMENT.md: {missing}"
    assert f"`{ENV_VAR}`" in text


def test_the_readme_starts_with_the_two_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    head = text[: text.index("## The command line")]
    assert "make run" in head and "make test" in head
