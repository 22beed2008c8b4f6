from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from django import forms

from pm_origins.engine import (
    MAX_ROLES,
    MAX_TITLE_LENGTH,
    MAX_YEARS,
    Role,
    TitleMatch,
    title_problem,
)
from pm_origins.framework import Framework, Item


def job_title(value: str) -> None:
    problem = title_problem(value)
    if problem and value:  # an empty row is fine: it is simply not a role
        raise forms.ValidationError(problem)


READ_FROM_TITLE = ""
ORIGIN_HELP = "Leave it to be read from the title, or choose the origin closest to this job."


class RoleForm(forms.Form):
    title = forms.CharField(
        label="Job title",
        max_length=MAX_TITLE_LENGTH,
        required=False,
        strip=False,  # checked as typed; the engine trims it
        validators=[job_title],
        widget=forms.TextInput(attrs={"list": "title-aliases", "autocomplete": "off"}),
    )
    years = forms.FloatField(
        label="Years in the role", min_value=0, max_value=MAX_YEARS, required=False
    )
    years_ago = forms.FloatField(
        label="Years since it ended (0 if current)",
        min_value=0,
        max_value=MAX_YEARS,
        required=False,
        initial=0,
    )
    origin = forms.ChoiceField(
        label="Origin", required=False, help_text=ORIGIN_HELP, choices=[(READ_FROM_TITLE, "")]
    )
    # The title whose reading the page showed; the roles are saved once each title's
    # reading has been seen.
    read_title = forms.CharField(
        required=False, max_length=MAX_TITLE_LENGTH, widget=forms.HiddenInput
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("title") and data.get("years") is None:
            self.add_error("years", "How many years were you in this role?")
        if data.get("years") is not None and not data.get("title"):
            self.add_error("title", "Which job was this?")
        return data

    def role(self) -> Role | None:
        data = self.cleaned_data
        if not data.get("title") or data.get("DELETE"):
            return None
        return Role(
            data["title"],
            data["years"],
            data.get("years_ago") or 0.0,
            origin=data.get("origin") or None,
        )

    def reading_seen(self) -> bool:
        data = self.cleaned_data
        title = (data.get("title") or "").strip()
        return not title or bool(data.get("DELETE")) or title == (data.get("read_title") or "")


@dataclass(frozen=True)
class RoleRow:
    """One row of the roles step with how its title reads."""

    form: RoleForm
    title: str
    reading: TitleMatch | None
    origin_names: str  # "Sales & Account Management 70% / Software Development 30%"


class BaseRoleFormSet(forms.BaseFormSet):  # type: ignore[type-arg]
    """The roles step: each row offers every origin, and shows how its title reads."""

    def __init__(self, *args: Any, framework: Framework, **kwargs: Any) -> None:
        self.framework = framework
        super().__init__(*args, **kwargs)

    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        self._set_origins(form, ())

    def _set_origins(self, form: forms.Form, closest: tuple[str, ...]) -> None:
        """Every origin, the closest ones first."""
        names = {o.id: o.name for o in self.framework.origins}
        ordered = [*[o for o in closest if o in names], *[o for o in names if o not in closest]]
        field = form.fields["origin"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [
            (READ_FROM_TITLE, "As read from the title"),
            *((o, names[o] + (" (closest)" if o in closest else "")) for o in ordered),
        ]

    def _names(self, match: TitleMatch) -> str:
        shares = sorted(match.shares.items(), key=lambda kv: -kv[1])
        names = [self.framework.origin(o).name for o, _ in shares]
        if len(names) < 2:
            return " / ".join(names)
        return " / ".join(f"{n} {round(v * 100)}%" for n, (_, v) in zip(names, shares, strict=True))

    def roles(self) -> list[Role]:
        return [r for r in (f.role() for f in self.forms) if r is not None]

    def readings_seen(self) -> bool:
        """True when the page already showed how every title reads."""
        return all(f.reading_seen() for f in self.forms)

    def rows(
        self, read: Callable[[list[tuple[str, str | None]]], list[TitleMatch]]
    ) -> list[RoleRow]:
        """Each form with its title's reading (`read` reads (title, origin) pairs); an
        unmatched row offers its closest origins first in the origin choice."""
        typed = []
        for form in self.forms:
            title = str(form["title"].value() or "").strip()
            origin = str(form["origin"].value() or "") or None
            typed.append((title, origin) if title and len(title) <= MAX_TITLE_LENGTH else None)
        readings = iter(read([pair for pair in typed if pair is not None]))
        out = []
        for form, pair in zip(self.forms, typed, strict=True):
            reading = next(readings) if pair is not None else None
            if reading is not None and reading.closest:
                self._set_origins(form, reading.closest)
            names = self._names(reading) if reading is not None else ""
            out.append(RoleRow(form, pair[0] if pair else "", reading, names))
        return out


RoleFormSet = cast(
    "type[BaseRoleFormSet]",
    forms.formset_factory(
        RoleForm,
        formset=BaseRoleFormSet,
        extra=0,
        can_delete=True,
        max_num=MAX_ROLES,
        validate_max=True,
        absolute_max=MAX_ROLES,
    ),
)


class QuestionPageForm(forms.Form):
    """One page of the questionnaire; an empty answer means "skip"."""

    def __init__(
        self, *args: Any, framework: Framework, items: tuple[Item, ...], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            labels = framework.scale(item.scale).labels
            self.fields[item.id] = forms.TypedChoiceField(
                label=item.text,
                required=False,
                coerce=int,
                empty_value=None,
                choices=[(n, label) for n, label in enumerate(labels, start=1)],
                widget=forms.RadioSelect,
            )

    def answers(self) -> tuple[dict[str, int], list[str]]:
        """(answered item -> value, items left blank on this page)."""
        given = {k: v for k, v in self.cleaned_data.items() if v is not None}
        blank = [item.id for item in self.items if item.id not in given]
        return given, blank


class TargetForm(forms.Form):
    target = forms.ChoiceField(
        label="The PM role you want", required=False, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, framework: Framework, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["target"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "No growth plan for now"), *[(r.id, r.name) for r in framework.roles]]


class ResumeMailForm(forms.Form):
    email = forms.EmailField(
        label="Your e-mail address",
        max_length=254,
        help_text="We send the link there once; the address is not kept.",
    )
