"""The `pm-origins` command line (Typer + Rich)."""

from __future__ import annotations

from pm_origins.cli.app import app


def main() -> None:
    app()


__all__ = ["app", "main"]
