"""The `pm-origins` command line (Typer + Rich)."""

from __future__ import annotations

import os

from pm_origins.cli.app import app


def main() -> None:
    # A command's matrix products are small, and idle BLAS worker threads spin and
    # burn CPU: one thread makes `team analyze` on 1,000 people about a quarter
    # cheaper (docs/PERFORMANCE.md, "Teams"). NumPy is not loaded yet here; a value
    # already set wins, and the résumé encoder sets its own threads.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    app()


__all__ = ["app", "main"]
