"""`pm-origins analyze`: a résumé file to a report, with progress on stderr."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

from pm_origins.framework import Framework


def _today(text: str | None, fail: Callable[[str], NoReturn]) -> date:
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"--today {text!r} must be a date as YYYY-MM-DD, such as 2026-03-31.")


def analyze_file(
    framework: Framework,
    path: Path,
    *,
    target: str | None,
    report_format: str,
    rejected: Sequence[str],
    today_text: str | None,
    fail: Callable[[str], NoReturn],
    console: Console,
) -> str:
    """Read, analyse and render; every failure goes to `fail` (exit 2, one paragraph)."""
    from pm_origins.engine import EngineInputError, target_role
    from pm_origins.evidence import (
        MAX_TEXT_CHARS,
        BulletReader,
        EvidenceUnavailable,
        ResumeFileError,
        analyze_resume,
        clean_text,
        default_encoder,
        evaluate_with_resume,
        read_resume_file,
    )
    from pm_origins.reports import render_json, render_markdown, saved_result

    today = _today(today_text, fail)
    if target is not None:
        try:
            target_role(framework, target)  # a bad target fails before the slow work
        except EngineInputError as exc:
            fail(exc.message)
    try:
        if str(path) == "-":
            text = clean_text(sys.stdin.read(MAX_TEXT_CHARS * 2 + 1), source="The pasted text")
        else:
            text = read_resume_file(path)
    except (ResumeFileError, EvidenceUnavailable) as exc:
        fail(exc.message)

    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    try:
        with progress:
            loading = progress.add_task("Loading the sentence model", total=1)
            encoder = default_encoder()
            progress.update(loading, completed=1)
            encoding = progress.add_task("Reading the résumé's bullets", total=None)

            def step(done: int, total: int) -> None:
                progress.update(encoding, completed=done, total=total)

            analysis = analyze_resume(
                text, today=today, reader=BulletReader(encoder), progress=step
            )
            progress.update(encoding, completed=1, total=1)
    except (ResumeFileError, EvidenceUnavailable) as exc:
        fail(exc.message)
    known = {b.id for b in analysis.bullets}
    unknown = [r for r in rejected if r not in known]
    if unknown:
        fail(
            f"--reject {', '.join(unknown)}: no such bullet. Bullet ids run from b1 to "
            f"b{len(known)}; see them with --format json."
            if known
            else f"--reject {', '.join(unknown)}: the résumé has no bullets to reject."
        )
    if not analysis.engine_roles and not analysis.bullets:
        fail(
            f"No roles with dates and no bullets were found in {path}. Put each job on its "
            f'own line with its dates ("QA Engineer, Acme, Jan 2020 - Present") and list '
            f"what you did under it, one bullet a line."
        )
    try:
        evaluation = evaluate_with_resume(framework, analysis, target=target, rejected=rejected)
    except EngineInputError as exc:
        fail(exc.message)
    if report_format == "json":
        return render_json(evaluation, framework)
    # The same path as a saved result's export: the stored data, read back, rendered.
    return render_markdown(saved_result(evaluation, framework), framework)
