"""The interactive assessment in the terminal: roles, questions, target role."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from pm_origins.engine import (
    KIND_PRODUCT,
    KIND_UNMATCHED,
    MAX_YEARS,
    REASON_MIXED_SCRIPTS,
    REASON_OTHER_JOB,
    Evaluation,
    Prior,
    Role,
    TitleMatch,
    evaluate,
    questionnaire_order,
    read_history,
    start_session,
)
from pm_origins.evidence import title_matcher
from pm_origins.framework import Framework

BACK, SKIP, FINISH = "b", "s", "f"
KEEP = "keep"  # Enter on a question already answered (never typed as such)


def _ask(console: Console, prompt: str) -> str:
    return console.input(f"[bold]{prompt}[/bold] ").strip()


def _ask_number(
    console: Console,
    prompt: str,
    *,
    default: float | None = None,
    low: float = 0,
    high: float = MAX_YEARS,
) -> float:
    while True:
        text = _ask(console, prompt + (f" [{default:g}]" if default is not None else ""))
        if not text and default is not None:
            return default
        try:
            value = float(text)
        except ValueError:
            value = -1.0
        if low <= value <= high:
            return value
        console.print(f"  Please type a number from {low:g} to {high:g}.")


def _describe(framework: Framework, match: TitleMatch) -> str:
    if match.kind == KIND_PRODUCT:
        return (
            f"product experience ({framework.titles.product.name}); it does not count "
            "towards an origin"
        )
    names = " / ".join(
        f"{framework.origin(o).name} {round(s * 100)}%"
        if len(match.shares) > 1
        else framework.origin(o).name
        for o, s in sorted(match.shares.items(), key=lambda kv: -kv[1])
    )
    return f"read as {match.matched_alias}: {names}" if match.matched_alias else names


def _choose(
    framework: Framework, console: Console, title: str, match: TitleMatch
) -> tuple[str, str | None] | None:
    """Offer suggested titles and every origin, closest first; None to skip the role."""
    if match.reason == REASON_MIXED_SCRIPTS:
        console.print(f"  {escape(title)!r} mixes letters of different alphabets; type it again.")
        return None
    if match.reason == REASON_OTHER_JOB:
        console.print(
            f"  {escape(title)!r} reads as a job outside every origin, so on its own it adds "
            "to none. If it taught you the work of one, choose the closest; if not, press "
            "Enter to leave it out."
        )
    else:
        console.print(f"  We could not place {escape(title)!r}.")
    titles = list(match.suggestions)
    origins = [*match.closest, *(o.id for o in framework.origins if o.id not in match.closest)]
    choices: list[tuple[str, str | None]] = [(t, None) for t in titles]
    choices += [(title, origin) for origin in origins]
    if titles:
        console.print("  A title like one of these:")
    for number, suggestion in enumerate(titles, start=1):
        console.print(f"    {number}. {escape(suggestion)}")
    console.print("  Or choose its origin yourself:")
    for number, origin in enumerate(origins, start=len(titles) + 1):
        note = " (closest)" if origin in match.closest else ""
        console.print(f"    {number}. {escape(framework.origin(origin).name)}{note}")
    console.print("  Type a number, or type another title.")
    answer = _ask(console, "Choice or title:")
    if answer.isdigit() and 1 <= int(answer) <= len(choices):
        return choices[int(answer) - 1]
    return (answer, None) if answer else None


def ask_roles(framework: Framework, console: Console) -> list[Role]:
    console.print(
        "\n[bold]Step 1 of 3: your roles.[/bold] Enter each job you have held, "
        "one at a time. Leave the title empty when you are done."
    )
    matcher = title_matcher(framework)
    roles: list[Role] = []
    while True:
        title = _ask(console, f"Job title {len(roles) + 1}:")
        if not title:
            return roles
        origin: str | None = None
        match = matcher.match(title)
        if match.kind == KIND_UNMATCHED:
            chosen = _choose(framework, console, title, match)
            if chosen is None:
                console.print("  That role is left out.")
                continue
            title, origin = chosen
            match = matcher.match(title)
            if origin is None and match.kind == KIND_UNMATCHED:
                console.print("  Still no match; that role is left out. Try a more common title.")
                continue
        if origin is not None:
            console.print(
                f"  [green]->[/green] {escape(framework.origin(origin).name)} (your choice)"
            )
        else:
            console.print(f"  [green]->[/green] {escape(_describe(framework, match))}")
        years = _ask_number(console, "  Years in this role:")
        ago = _ask_number(console, "  Years since it ended (0 if current):", default=0)
        roles.append(Role(title, years, ago, origin=origin))


def ask_answers(framework: Framework, console: Console) -> dict[str, int]:
    items = questionnaire_order(framework)
    scale = framework.scale("frequency")
    console.print(
        f"\n[bold]Step 2 of 3: {len(items)} questions.[/bold] {scale.question} Each asks "
        "what you have actually done, not how good you think you are."
    )
    labels = scale.labels
    console.print("  " + "   ".join(f"{n} = {label}" for n, label in enumerate(labels, 1)))
    console.print(
        f"  Also: {BACK} = back, {SKIP} = skip, {FINISH} = finish now and score "
        "what you have answered."
    )
    answers: dict[str, int] = {}
    index = 0
    while index < len(items):
        item = items[index]
        points = framework.scale(item.scale).points
        done = sum(1 for i in items if i.id in answers)
        where = f"[{index + 1}/{len(items)} · {done} answered]"
        reply = _ask_answer(console, where, item.text, points, answers.get(item.id))
        if reply == KEEP:
            index += 1
        elif reply == BACK:
            index = max(0, index - 1)
        elif reply == SKIP:
            answers.pop(item.id, None)
            index += 1
        elif reply == FINISH:
            break
        elif isinstance(reply, int):
            answers[item.id] = reply
            index += 1
    return answers


def _ask_answer(
    console: Console, where: str, text: str, points: int, current: int | None
) -> int | str:
    """Show one question and read the reply: an answer from 1 to `points`, or KEEP
    (Enter on an answered question), BACK, SKIP or FINISH; anything else is
    explained, and the caller shows the question again (its reply is "")."""
    console.print(f"\n[dim]{escape(where)}[/dim]")
    console.print(escape(text))
    keep = f" [{current}, Enter keeps it]" if current else ""
    reply = _ask(console, f"How often? (1-{points}, {BACK}/{SKIP}/{FINISH}){keep}:").lower()
    if not reply and current:
        return KEEP
    if reply in (BACK, SKIP, FINISH):
        return reply
    if reply.isdigit() and 1 <= int(reply) <= points:
        return int(reply)
    console.print(f"  Please type a number from 1 to {points}, or {BACK}, {SKIP} or {FINISH}.")
    return ""


def pick_target(framework: Framework, text: str) -> str | None:
    """The target role a person typed: its number in the list, its id or its name
    (case and spacing ignored); None when it is none of these."""
    text = " ".join(text.split())
    if text.isdigit():
        number = int(text)
        return framework.roles[number - 1].id if 1 <= number <= len(framework.roles) else None
    wanted = text.casefold()
    for role in framework.roles:
        if wanted in (role.id.casefold(), role.name.casefold()):
            return role.id
    return None


def ask_target(framework: Framework, console: Console) -> str | None:
    console.print("\n[bold]Step 3 of 3: the PM role you want.[/bold]")
    for number, role in enumerate(framework.roles, start=1):
        console.print(f"  {number}. {escape(role.name)} ({role.id}): {escape(role.summary)}")
    while True:
        text = _ask(console, "Number, id or name (empty for no growth plan):")
        if not text:
            return None
        chosen = pick_target(framework, text)
        if chosen is not None:
            return chosen
        console.print(
            f"  Please type a number from 1 to {len(framework.roles)}, a role's id "
            "(such as technical) or its name."
        )


def run_assessment(framework: Framework, console: Console, mode: str = "quick") -> Evaluation:
    """Ask for roles, answers and a target, then evaluate. Ctrl-C propagates.

    `mode` "all" asks every question in turn; "quick" and "full" choose them adaptively.
    """
    console.print("[bold]pm-origins[/bold]: find where you start as a product manager.")
    roles = ask_roles(framework, console)
    if mode == "all":
        answers = ask_answers(framework, console)
    else:
        prior = read_history(framework, roles, matcher=title_matcher(framework)).prior
        answers = ask_adaptive(framework, console, mode, prior)
    target = ask_target(framework, console)
    return evaluate(framework, roles, answers, target, titles=title_matcher(framework))


def ask_adaptive(
    framework: Framework, console: Console, mode: str, prior: Prior | None
) -> dict[str, int]:
    """The questions one at a time, each chosen from the answers so far (engine.adaptive)."""
    session = start_session(framework, mode, prior)
    items = {item.id: item for item in framework.items}
    console.print(
        f"\n[bold]Step 2 of 3: questions ({mode}).[/bold] Each asks how often you have "
        "actually done something, not how good you think you are. Each next question "
        "is chosen from your answers; we stop once every competency is known well enough."
    )
    labels = framework.scale("frequency").labels
    console.print("  " + "   ".join(f"{n} = {label}" for n, label in enumerate(labels, 1)))
    console.print(
        f"  Also: {BACK} = back, {SKIP} = skip (it will not come back), {FINISH} = finish "
        "now and score what you have answered."
    )
    position = 0
    while True:
        if position >= len(session.asked) or session.asked[position] == session.pending:
            if session.next_item() is None:
                break
            position = len(session.asked) - 1
        item = items[session.asked[position]]
        points = framework.scale(item.scale).points
        revise = item.id != session.pending
        left = session.questions_after(item.id)
        where = f"[question {position + 1} · about {left} more · {len(session.answers)} answered]"
        reply = _ask_answer(console, where, item.text, points, session.answers.get(item.id))
        if reply == KEEP:
            position += 1
        elif reply == BACK:
            position = max(0, position - 1)
        elif reply == SKIP:
            session.skip(item.id, revise=revise)
            position += 1
        elif reply == FINISH:
            break
        elif isinstance(reply, int):
            session.answer(item.id, reply, revise=revise)
            position += 1
    return dict(session.answers)
