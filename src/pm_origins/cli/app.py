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

app = typer.Typer(
    name="pm-origins",
    help="Find your PM origin story: superpowers, gaps and a growth plan.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
framework_app = typer.Typer(help="Check or show the framework data.", no_args_is_help=True)
app.add_typer(framework_app, name="framework")


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
    """'TITLE=YEARS' or 'TITLE=YEARS@YEARS_AGO' to a Role."""
    from pm_origins.engine import Role

    title, sep, numbers = spec.rpartition("=")
    if not sep or not title.strip():
        fail(
            f'--role {spec!r} must look like "QA Engineer=5" (title=years), optionally '
            f'with how long ago it ended: "QA Engineer=5@2".'
        )
    years_text, _, ago_text = numbers.partition("@")
    try:
        years = float(years_text)
        ago = float(ago_text) if ago_text else 0.0
    except ValueError:
        fail(f'--role {spec!r}: years must be a number, as in "{title.strip()}=5".')
    return Role(title.strip(), years, ago)


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
    from rich.table import Table

    console = _console()
    console.print(f"Framework version [bold]{framework.version}[/bold]")
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
            help='A past role as "TITLE=YEARS" or "TITLE=YEARS@YEARS_AGO"; repeat for each role.',
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
    from pm_origins.engine import EngineInputError, evaluate

    framework = _framework(ctx, framework_path)
    roles = [parse_role(spec) for spec in role or []]
    answer_map = read_answers(answers) if answers else {}
    if not roles and not answer_map:
        fail('Give at least one --role "TITLE=YEARS" or an --answers file.')
    try:
        evaluation = evaluate(framework, roles, answer_map, target)
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


@app.command()
def assess(
    ctx: typer.Context,
    framework_path: FrameworkOption = None,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", help="Report format.")
    ] = ReportFormat.md,
) -> None:
    """Take the assessment in the terminal: roles, questions, target role, then your report."""
    from pm_origins.cli.interactive import run_assessment

    framework = _framework(ctx, framework_path)
    console = _console()
    try:
        evaluation = run_assessment(framework, console)
    except (KeyboardInterrupt, EOFError):
        console.print("\nStopped. Nothing was saved.")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    text = _render(evaluation, framework, output_format)
    if output_format is ReportFormat.md and sys.stdout.isatty():
        from rich.markdown import Markdown

        console.print(Markdown(text))
    else:
        typer.echo(text, nl=False)


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="Gunicorn worker processes.", min=1, max=64)] = 2,
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
    try:
        run_server(host=host, port=port, workers=workers)
    except ImproperlyConfigured as exc:
        fail(f"A setting is wrong: {exc}. See docs/DEPLOYMENT.md for every setting.")
