"""The `pm-origins` command line.

Heavy modules (numpy, pydantic, the framework, Django) are imported inside the
commands, so `pm-origins --help` stays quick.
"""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from pm_origins.engine import Role
    from pm_origins.framework import Framework

EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
MAX_ANSWERS_FILE_BYTES = 1_000_000
MAX_ROSTER_FILE_BYTES = 50_000_000
PROGRESS_FROM_PEOPLE = 200  # a progress bar (on stderr) for files at least this large
PROBLEMS_SHOWN = 10
CHOOSE_ORIGIN_HINT = (
    'Or choose the origin yourself by adding it to the role, as in "Test Pilot=5:qa" '
    "(origins: {ids})."
)

app = typer.Typer(
    name="pm-origins",
    help="Find your PM origin story: superpowers, gaps and a growth plan.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
framework_app = typer.Typer(help="Check or show the framework data.", no_args_is_help=True)
app.add_typer(framework_app, name="framework")
team_app = typer.Typer(help="Analyse a team or cohort from a CSV file.", no_args_is_help=True)
app.add_typer(team_app, name="team")


class TableOrJson(StrEnum):
    table = "table"
    json = "json"


class ReportFormat(StrEnum):
    md = "md"
    json = "json"


TableFormatOption = Annotated[TableOrJson, typer.Option("--format", help="Output format.")]
ReportFormatOption = Annotated[ReportFormat, typer.Option("--format", help="Output format.")]
FrameworkOption = Annotated[
    Path | None,
    typer.Option(
        "--framework",
        help="A framework YAML file merged over the bundled one (default: $PM_ORIGINS_FRAMEWORK).",
        show_default=False,
    ),
]


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True)


# What the web extra brings, by import name; `pip install 'pm-origins[web]'` installs them.
WEB_MODULES = (
    "django",
    "ninja",
    "csp",
    "gunicorn",
    "whitenoise",
    "psycopg",
    "redis",
    "nh3",
    "markdown",
    "django_stubs_ext",
)


def require_web(command: str) -> None:
    """Stop with one paragraph, not a traceback, when the web extra is missing."""
    import importlib.util

    missing = []
    for name in WEB_MODULES:
        try:
            if importlib.util.find_spec(name) is None:
                missing.append(name)
        except (ImportError, ValueError):
            missing.append(name)
    if missing:
        fail(
            f"`pm-origins {command}` runs the web site, which needs the web extra; it is not "
            f"installed here (missing: {', '.join(missing)}). Install it with "
            "`pip install 'pm-origins[web]'` (from a checkout, `make run` sets everything up), "
            f"then run `pm-origins {command}` again. The other commands (assess, report, "
            "origins, framework) work without it."
        )


def fail(message: str) -> NoReturn:
    """Print a message for people and exit with status 2: bad input, no traceback."""
    from rich.markup import escape

    # The message is plain text: "[web]" in it must print, not be read as markup.
    _console(stderr=True).print(f"[bold red]Error:[/bold red] {escape(message)}", markup=True)
    raise typer.Exit(EXIT_BAD_INPUT)


def _framework(ctx: typer.Context, path: Path | None) -> Framework:
    """The framework from the command's --framework, else the global one, else the env var."""
    from pm_origins.framework import FrameworkError, framework_path_from_env, load_framework

    path = path or ctx.find_root().params.get("framework_path")
    try:
        return load_framework(path or framework_path_from_env())
    except FrameworkError as exc:
        fail(str(exc))


def parse_role(spec: str) -> Role:
    """'TITLE=YEARS[@YEARS_AGO][:ORIGIN]' to a Role."""
    from pm_origins.engine import Role

    title, sep, numbers = spec.rpartition("=")
    if not sep or not title.strip():
        fail(
            f'--role {spec!r} must look like "QA Engineer=5" (title=years), optionally '
            f'with how long ago it ended ("QA Engineer=5@2") and the origin you choose '
            f'for it ("Test Pilot=5@2:qa").'
        )
    numbers, _, origin = numbers.partition(":")
    years_text, _, ago_text = numbers.partition("@")
    try:
        years = float(years_text)
        ago = float(ago_text) if ago_text else 0.0
    except ValueError:
        fail(f'--role {spec!r}: years must be a number, as in "{title.strip()}=5".')
    return Role(title.strip(), years, ago, origin=origin.strip() or None)


def title_reader(framework: Framework) -> Any:
    """The product's title matcher (lexicon; semantic index when the extra is installed)."""
    from pm_origins.evidence import title_matcher

    return title_matcher(framework)


def framework_ids(framework: Framework) -> list[str]:
    return [o.id for o in framework.origins]


def read_answers(path: Path) -> dict[str, Any]:
    """An answers file: {"item_id": 1-5, ...} or {"answers": {...}}."""
    try:
        if path.stat().st_size > MAX_ANSWERS_FILE_BYTES:
            fail(
                f"{path} is larger than {MAX_ANSWERS_FILE_BYTES // 1000} kB; an answers file "
                f"holds one number per question."
            )
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        fail(f"Cannot read {path}: {exc.strerror or exc}.")
    except UnicodeDecodeError:
        fail(f"{path} is not UTF-8 text; it should be a JSON object of question id to answer.")
    except json.JSONDecodeError as exc:
        fail(
            f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}). "
            f'It should look like {{"innovation_01": 4, "ux_02": 2}}.'
        )
    if isinstance(data, dict) and isinstance(data.get("answers"), dict):
        data = data["answers"]
    if not isinstance(data, dict):
        fail(
            f"{path} must hold a JSON object of question id to answer (1-5), "
            f'such as {{"innovation_01": 4}}.'
        )
    return data


@app.callback()
def _root(framework_path: FrameworkOption = None) -> None:
    """Find your PM origin story: superpowers, gaps and a growth plan."""


@app.command()
def origins(
    ctx: typer.Context,
    output_format: TableFormatOption = TableOrJson.table,
    framework_path: FrameworkOption = None,
) -> None:
    """List the career origins with their superpowers and gaps."""
    framework = _framework(ctx, framework_path)
    if output_format is TableOrJson.json:
        rows = [
            {
                "id": o.id,
                "name": o.name,
                "summary": o.summary,
                "strengths": list(o.strengths),
                "weaknesses": list(o.weaknesses),
                "aliases": list(o.aliases),
            }
            for o in framework.origins
        ]
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    from rich.table import Table

    names = {c.id: c.name for c in framework.competencies}
    table = Table(title="Career origins", show_lines=False)
    for column in ("id", "origin", "superpowers", "gaps"):
        table.add_column(column)
    for o in framework.origins:
        table.add_row(
            o.id,
            o.name,
            ", ".join(names[c] for c in o.strengths),
            ", ".join(names[c] for c in o.weaknesses),
        )
    _console().print(table)


@framework_app.command("validate")
def framework_validate(
    path: Annotated[Path, typer.Argument(help="The YAML file to check.", show_default=False)],
) -> None:
    """Check a framework file; every problem is listed with its file, line and key."""
    from pm_origins.framework import FrameworkError, load_framework

    try:
        framework = load_framework(path)
    except FrameworkError as exc:
        fail(str(exc))
    typer.echo(
        f"{path}: valid. Framework version {framework.version}: "
        f"{len(framework.competencies)} competencies, {len(framework.origins)} origins, "
        f"{len(framework.items)} items, {len(framework.actions)} actions, "
        f"{len(framework.roles)} target roles."
    )


@framework_app.command("show")
def framework_show(
    ctx: typer.Context,
    output_format: TableFormatOption = TableOrJson.table,
    framework_path: FrameworkOption = None,
) -> None:
    """Show the framework in use (bundled, or merged with your file)."""
    framework = _framework(ctx, framework_path)
    if output_format is TableOrJson.json:
        from pm_origins.framework import framework_data

        typer.echo(json.dumps(framework_data(framework), indent=2, ensure_ascii=False))
        return
    from rich.markup import escape
    from rich.table import Table

    console = _console()
    console.print(f"{escape(framework.label)}, version [bold]{framework.version}[/bold]")
    table = Table(title="Competencies")
    for column in ("id", "name", "items", "actions"):
        table.add_column(column)
    for c in framework.competencies:
        table.add_row(
            c.id, c.name, str(len(framework.items_for(c.id))), str(len(framework.actions_for(c.id)))
        )
    console.print(table)
    roles = Table(title="Target PM roles")
    roles.add_column("id")
    roles.add_column("name")
    for r in framework.roles:
        roles.add_row(r.id, r.name)
    console.print(roles)
    console.print(f"Origins: {', '.join(o.id for o in framework.origins)}")


def _render(evaluation: Any, framework: Framework, output_format: ReportFormat) -> str:
    if output_format is ReportFormat.json:
        from pm_origins.reports import render_json

        return render_json(evaluation, framework)
    from pm_origins.reports import render_markdown, saved_result

    # The same path as a saved result's export: the stored data, read back, rendered.
    return render_markdown(saved_result(evaluation, framework), framework)


@app.command()
def report(
    ctx: typer.Context,
    role: Annotated[
        list[str] | None,
        typer.Option(
            "--role",
            help='A past role as "TITLE=YEARS", "TITLE=YEARS@YEARS_AGO", plus ":ORIGIN" to '
            "choose its origin (an id from `origins`); repeat for each role.",
            show_default=False,
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers", help="A JSON file of question id to answer (1-5).", show_default=False
        ),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            help="Target PM role id for a growth plan (see `framework show`).",
            show_default=False,
        ),
    ] = None,
    hours_per_month: Annotated[
        int,
        typer.Option(
            "--hours-per-month",
            help="Hours a month for the growth plan; each 30-day phase fits in them.",
        ),
    ] = 40,
    output_format: ReportFormatOption = ReportFormat.md,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Write the report to this file instead of the screen.", show_default=False
        ),
    ] = None,
    framework_path: FrameworkOption = None,
) -> None:
    """Build a report without questions asked: from roles, an answers file, or both."""
    from pm_origins.engine import EngineInputError, UnmatchedTitlesError, evaluate

    framework = _framework(ctx, framework_path)
    roles = [parse_role(spec) for spec in role or []]
    answer_map = read_answers(answers) if answers else {}
    if not roles and not answer_map:
        fail('Give at least one --role "TITLE=YEARS" or an --answers file.')
    try:
        evaluation = evaluate(
            framework,
            roles,
            answer_map,
            target,
            titles=title_reader(framework),
            hours_per_month=hours_per_month,
        )
    except UnmatchedTitlesError as exc:
        fail(exc.message + " " + CHOOSE_ORIGIN_HINT.format(ids=", ".join(framework_ids(framework))))
    except EngineInputError as exc:
        fail(exc.message)
    text = _render(evaluation, framework, output_format)
    if out is None:
        typer.echo(text, nl=False)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"Cannot write {out}: {exc.strerror or exc}.")
    _console(stderr=True).print(f"Report written to {out}.")


@app.command()
def analyze(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help="Your résumé: .txt, .md, .pdf or .docx; '-' reads pasted text from stdin.",
            show_default=False,
        ),
    ],
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            help="Target PM role id for a growth plan (see `framework show`).",
            show_default=False,
        ),
    ] = None,
    output_format: ReportFormatOption = ReportFormat.md,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Write the report to this file instead of the screen.", show_default=False
        ),
    ] = None,
    reject: Annotated[
        list[str] | None,
        typer.Option(
            "--reject",
            help="A bullet id (b1, b2, ... as in the JSON) read wrongly; repeat for each.",
            show_default=False,
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            help='The date "Present" means, as YYYY-MM-DD (default: today).',
            show_default=False,
        ),
    ] = None,
    framework_path: FrameworkOption = None,
) -> None:
    """Read a résumé offline: roles and years from its dates, evidence from its bullets."""
    from pm_origins.cli.resume import analyze_file

    framework = _framework(ctx, framework_path)
    text = analyze_file(
        framework,
        file,
        target=target,
        report_format=output_format.value,
        rejected=reject or [],
        today_text=today,
        fail=fail,
        console=_console(stderr=True),
    )
    if out is None:
        typer.echo(text, nl=False)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"Cannot write {out}: {exc.strerror or exc}.")
    _console(stderr=True).print(f"Report written to {out}.")


class AssessMode(StrEnum):
    """How `assess` asks its questions (see docs/ADAPTIVE.md)."""

    quick = "quick"
    full = "full"
    all = "all"


@app.command()
def assess(
    ctx: typer.Context,
    framework_path: FrameworkOption = None,
    mode: Annotated[
        AssessMode,
        typer.Option(
            "--mode",
            help="quick: ask adaptively until each competency is known to a standard "
            "error of 0.55 (theta scale); full: to 0.40; all: every question in turn.",
        ),
    ] = AssessMode.quick,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", help="Report format.")
    ] = ReportFormat.md,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Write the report to this file instead of the screen.", show_default=False
        ),
    ] = None,
) -> None:
    """Take the assessment in the terminal: roles, questions, target role, then your report.

    The questions and progress go to stderr, so only the report reaches stdout:
    `pm-origins assess --format json > result.json` gives a valid JSON file.
    """
    from pm_origins.cli.interactive import run_assessment

    framework = _framework(ctx, framework_path)
    if out is not None and not out.resolve().parent.is_dir():
        # Said before the questions, not after twenty minutes of answers.
        fail(f"Cannot write {out}: the folder {out.resolve().parent} does not exist.")
    console = _console(stderr=True)
    try:
        evaluation = run_assessment(framework, console, mode.value)
    except (KeyboardInterrupt, EOFError):
        console.print("\nStopped. Nothing was saved.")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    text = _render(evaluation, framework, output_format)
    if out is not None:
        _write_report(out, text)
    elif output_format is ReportFormat.md and sys.stdout.isatty():
        from rich.markdown import Markdown

        _console().print(Markdown(text))
    else:
        typer.echo(text, nl=False)


def _write_report(out: Path, text: str) -> None:
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"Cannot write {out}: {exc.strerror or exc}.")
    _console(stderr=True).print(f"Report written to {out}.")


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="Gunicorn worker processes.", min=1, max=64)] = 2,
    task_worker: Annotated[
        bool,
        typer.Option(
            "--task-worker/--no-task-worker",
            help="Run one task worker (mail) beside gunicorn, stopped with it.",
        ),
    ] = True,
) -> None:
    """Serve the web site: migrate, load the framework and series, then run gunicorn."""
    require_web("serve")
    from django.core.exceptions import ImproperlyConfigured

    from pm_origins.framework import ENV_VAR
    from pm_origins.web.serve import serve as run_server

    given = ctx.find_root().params.get("framework_path")
    if given is not None:
        os.environ[ENV_VAR] = str(Path(given).resolve())  # the site reads the same file
    _framework(ctx, None)  # a broken framework stops here, with its file and line
    if host in ("0.0.0.0", "::") and not os.environ.get("PM_ORIGINS_ALLOWED_HOSTS", "").strip():
        _console(stderr=True).print(
            f"Note: listening on every interface, but only http://127.0.0.1:{port}/ is "
            "answered until PM_ORIGINS_ALLOWED_HOSTS names the host names or addresses "
            "people use, for example PM_ORIGINS_ALLOWED_HOSTS=192.0.2.10,pm.example.org "
            "(see docs/DEPLOYMENT.md).",
            markup=False,
        )
    try:
        run_server(host=host, port=port, workers=workers, task_worker=task_worker)
    except ImproperlyConfigured as exc:
        fail(f"A setting is wrong: {exc}. See docs/DEPLOYMENT.md for every setting.")


@app.command()
def worker(
    batch: Annotated[
        bool, typer.Option("--batch", help="Run the tasks waiting now, then exit.")
    ] = False,
    interval: Annotated[
        float, typer.Option(help="Seconds between looks at an empty queue.", min=0.05, max=60)
    ] = 1.0,
) -> None:
    """Run the task worker: sends the site's mail and other queued work (Ctrl+C stops it)."""
    require_web("worker")
    from django.core.exceptions import ImproperlyConfigured

    from pm_origins.web.worker import run_worker

    try:
        run_worker(batch=batch, interval=interval)
    except ImproperlyConfigured as exc:
        fail(f"A setting is wrong: {exc}. See docs/DEPLOYMENT.md for every setting.")


class BackupFormatChoice(StrEnum):
    native = "native"
    json = "json"


@app.command()
def backup(
    out: Annotated[
        Path, typer.Option("--out", help="The backup file to write.", show_default=False)
    ],
    output_format: Annotated[
        BackupFormatChoice,
        typer.Option(
            "--format",
            help="native: SQLite file (online backup) or pg_dump archive; "
            "json: dumpdata with natural keys, loads into either database.",
        ),
    ] = BackupFormatChoice.native,
) -> None:
    """Back up the site's database while it runs (see docs/DEPLOYMENT.md, "Backups")."""
    require_web("backup")
    from django.core.exceptions import ImproperlyConfigured

    from pm_origins.web.backup import BackupError, BackupFormat
    from pm_origins.web.backup import backup as make_backup

    try:
        written = make_backup(out, BackupFormat(output_format.value))
    except BackupError as exc:
        fail(str(exc))
    except ImproperlyConfigured as exc:
        fail(f"A setting is wrong: {exc}. See docs/DEPLOYMENT.md for every setting.")
    except OSError as exc:
        fail(f"Cannot write {out}: {exc.strerror or exc}.")
    _console(stderr=True).print(f"Backup written to {out}: {written}.", markup=False)


@app.command()
def restore(
    path: Annotated[Path, typer.Argument(help="A file made by `pm-origins backup`.")],
) -> None:
    """Replace the site's data with a backup (stop the site first)."""
    require_web("restore")
    from django.core.exceptions import ImproperlyConfigured

    from pm_origins.web.backup import BackupError
    from pm_origins.web.backup import restore as load_backup

    try:
        done = load_backup(path)
    except BackupError as exc:
        fail(str(exc))
    except ImproperlyConfigured as exc:
        fail(f"A setting is wrong: {exc}. See docs/DEPLOYMENT.md for every setting.")
    except OSError as exc:
        fail(f"Cannot read {path}: {exc.strerror or exc}.")
    _console(stderr=True).print(f"Restored from {path}: {done}.", markup=False)


MAX_RESPONSES_FILE_BYTES = 32_000_000
ResponsesArgument = Annotated[
    Path,
    typer.Argument(
        help="A CSV of raw answers: a header of question ids (optionally `respondent` first), "
        "one row per person, answers 1-5, blank for unanswered.",
        show_default=False,
    ),
]


def read_responses_file(framework: Framework, path: Path) -> Any:
    """The responses CSV at `path` as a ResponseTable; bad files end with exit status 2."""
    from pm_origins.engine import EngineInputError, read_responses

    try:
        if path.stat().st_size > MAX_RESPONSES_FILE_BYTES:
            fail(
                f"{path} is larger than {MAX_RESPONSES_FILE_BYTES // 1_000_000} MB; use a random "
                f"sample of the respondents."
            )
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        fail(f"Cannot read {path}: {exc.strerror or exc}.")
    except UnicodeDecodeError:
        fail(f"{path} is not UTF-8 text; save the spreadsheet as CSV UTF-8 and try again.")
    try:
        return read_responses(framework, text, source=str(path))
    except EngineInputError as exc:
        fail(exc.message)


def _print_notes(notes: list[str]) -> None:
    console = _console(stderr=True)
    for note in notes:
        console.print(f"Note: {note}", markup=False)


@app.command()
def calibrate(
    ctx: typer.Context,
    responses: ResponsesArgument,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Write the fitted parameters as a framework file to load with --framework.",
            show_default=False,
        ),
    ] = None,
    output_format: TableFormatOption = TableOrJson.table,
    framework_path: FrameworkOption = None,
) -> None:
    """Fit item parameters (graded response model) to real answers, by marginal likelihood."""
    from pm_origins.engine import calibrate as fit
    from pm_origins.reports import (
        calibration_data,
        calibration_notes,
        calibration_override_yaml,
    )

    framework = _framework(ctx, framework_path)
    table = read_responses_file(framework, responses)
    calibration = fit(framework, table.item_ids, table.answers)
    notes = calibration_notes(framework, calibration)
    if not calibration.items:
        fail(
            f"Nothing in {responses} could be calibrated: each competency needs at least 3 "
            f"answered questions. " + " ".join(notes)
        )
    if output_format is TableOrJson.json:
        typer.echo(json.dumps(calibration_data(calibration), indent=2))
    else:
        _print_calibration(framework, calibration)
    _print_notes(notes)
    if out is not None:
        _write_override(out, calibration_override_yaml(calibration, source=responses.name))


def _print_calibration(framework: Framework, calibration: Any) -> None:
    from rich.table import Table

    console = _console()
    table = Table(title=f"Fitted item parameters ({calibration.respondents} respondents)")
    for column in ("item", "competency", "answered", "a", "b1 .. b4"):
        table.add_column(column)
    for item in calibration.items:
        table.add_row(
            item.item_id,
            framework.competency(item.competency).name,
            str(item.answered),
            f"{item.discrimination:.2f}",
            "  ".join(f"{b:.2f}" for b in item.thresholds),
        )
    console.print(table)
    converged = "yes" if calibration.converged else "no"
    console.print(f"Converged: {converged}.")


def _write_override(out: Path, text: str) -> None:
    from pm_origins.framework import FrameworkError, load_framework

    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"Cannot write {out}: {exc.strerror or exc}.")
    console = _console(stderr=True)
    try:
        framework = load_framework(out)
    except FrameworkError as exc:
        first = exc.problems[0] if exc.problems else "unknown problem"
        console.print(
            f"Parameters written to {out}, but the framework does not load with them "
            f"({len(exc.problems)} problem(s); the first: {first}). "
            f"`pm-origins framework validate {out}` lists them all.",
            markup=False,
        )
        return
    console.print(
        f"Parameters written to {out}. Loaded with --framework or PM_ORIGINS_FRAMEWORK it is "
        f"framework version {framework.version}; saved results keep their own version.",
        markup=False,
    )


@app.command()
def reliability(
    ctx: typer.Context,
    responses: ResponsesArgument,
    output_format: TableFormatOption = TableOrJson.table,
    framework_path: FrameworkOption = None,
) -> None:
    """How reliable each competency's scale is: alpha, omega, marginal, item-total r."""
    from pm_origins.engine import calibrate as fit
    from pm_origins.engine import reliability_report
    from pm_origins.reports import calibration_notes, reliability_data

    framework = _framework(ctx, framework_path)
    table = read_responses_file(framework, responses)
    calibration = fit(framework, table.item_ids, table.answers)
    report = reliability_report(framework, table.item_ids, table.answers, calibration=calibration)
    if output_format is TableOrJson.json:
        typer.echo(json.dumps(reliability_data(report), indent=2))
    else:
        _print_reliability(framework, report)
    _print_notes(calibration_notes(framework, calibration))


def _print_reliability(framework: Framework, report: Any) -> None:
    from rich.table import Table

    def number(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    console = _console()
    scales = Table(title="Reliability per competency")
    for column in ("competency", "n", "alpha", "95% interval", "omega", "marginal"):
        scales.add_column(column)
    items = Table(title="Corrected item-total correlations")
    for column in ("item", "competency", "r"):
        items.add_column(column)
    for scale in report.scales:
        name = framework.competency(scale.competency).name
        interval = f"{scale.alpha_ci[0]:.2f} to {scale.alpha_ci[1]:.2f}" if scale.alpha_ci else "-"
        scales.add_row(
            name,
            str(scale.n),
            number(scale.alpha),
            interval,
            number(scale.omega),
            number(scale.marginal),
        )
        for item_id, r in scale.items:
            items.add_row(item_id, name, number(r))
    console.print(scales)
    console.print(items)
    console.print(
        "Blank answers: each covariance uses the people who answered both questions "
        "(see docs/CALIBRATION.md)."
    )


@app.command("export-responses")
def export_responses(
    ctx: typer.Context,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", help="Write the CSV to this file instead of the screen.", show_default=False
        ),
    ] = None,
) -> None:
    """Write the site's stored answers as a responses CSV, without names or emails."""
    try:
        import django
    except ImportError as exc:
        fail(
            f"The web extra is not installed ({exc.name}). Install it with "
            f"`pip install 'pm-origins[web]'`."
        )
    from django.core.exceptions import ImproperlyConfigured

    from pm_origins.framework import ENV_VAR

    given = ctx.find_root().params.get("framework_path")
    if given is not None:
        os.environ[ENV_VAR] = str(Path(given).resolve())
    _framework(ctx, None)  # a broken framework stops here, with its file and line
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pm_origins.web.settings")
    try:
        django.setup()
    except ImproperlyConfigured as exc:
        fail(f"A setting is wrong: {exc}. See docs/DEPLOYMENT.md for every setting.")
    from django.db import DatabaseError

    from pm_origins.web.assessments.responses import responses_export

    try:
        if out is None:
            for line in responses_export():
                typer.echo(line, nl=False)
            return
        with out.open("w", encoding="utf-8", newline="") as handle:
            rows = -1
            for line in responses_export():
                handle.write(line)
                rows += 1
    except DatabaseError as exc:
        fail(
            f"The site's database cannot be read ({str(exc).strip()}). Run `pm-origins serve` "
            f"once to set it up, and check DATABASE_URL and PM_ORIGINS_DATA."
        )
    except OSError as exc:
        fail(f"Cannot write {out}: {exc.strerror or exc}.")
    _console(stderr=True).print(f"{rows} respondents written to {out}.", markup=False)


def _read_roster_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_ROSTER_FILE_BYTES:
            fail(f"{path} is larger than {MAX_ROSTER_FILE_BYTES // 1_000_000} MB; split it.")
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        fail(f"Cannot read {path}: {exc.strerror or exc}.")
    except UnicodeDecodeError:
        fail(f"{path} is not UTF-8 text; save the spreadsheet as CSV UTF-8.")


@team_app.command("analyze")
def team_analyze(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            help='CSV with columns name, roles ("Title=Years[@Ago][:origin]" separated by ;) and '
            "optional question-id answer columns.",
            show_default=False,
        ),
    ],
    target: Annotated[
        list[str] | None,
        typer.Option(
            "--target",
            help="A target PM role id for the gaps and pairing weights; repeat for a mix.",
            show_default=False,
        ),
    ] = None,
    output_format: TableFormatOption = TableOrJson.table,
    framework_path: FrameworkOption = None,
) -> None:
    """Coverage, single points of failure, gaps and optimal mentor pairs, offline."""
    from pm_origins.engine import (
        EngineInputError,
        analyze_team,
        memo_matcher,
        read_roster,
        target_mix,
    )

    framework = _framework(ctx, framework_path)
    targets = list(target or [])
    try:
        target_mix(framework, targets)
    except EngineInputError as exc:
        fail(exc.message)
    match = memo_matcher(framework, title_reader(framework))
    roster = read_roster(framework, _read_roster_text(file), matcher=match)
    if roster.problems:
        shown = " ".join(roster.problems[:PROBLEMS_SHOWN])
        more = len(roster.problems) - PROBLEMS_SHOWN
        fail(
            f"{file}: nothing was analysed; fix these rows. {shown}"
            + (f" And {more} more problems." if more > 0 else "")
        )
    if not roster.people:
        fail(f"{file} has a header but no people.")
    members = _evaluate_roster(framework, roster.people, match)
    analysis = analyze_team(framework, members, targets)
    from pm_origins.reports import team_data

    data = team_data(analysis, framework)
    if output_format is TableOrJson.json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    from pm_origins.cli.team import print_team

    print_team(_console(), framework, analysis, data)


def _evaluate_roster(framework: Framework, people: Any, match: Any) -> list[Any]:
    """Each person's result, as a team member read from the result's JSON."""
    from pm_origins.engine import evaluate_roster
    from pm_origins.reports import evaluation_data, member_from_result

    def members() -> list[Any]:
        evaluations = evaluate_roster(framework, people, match)
        return [
            member_from_result(p.name, evaluation_data(e, framework))
            for p, e in zip(people, evaluations, strict=True)
        ]

    if len(people) < PROGRESS_FROM_PEOPLE:
        return members()
    with _console(stderr=True).status(f"Scoring {len(people)} people"):
        return members()
