from __future__ import annotations

from typing import Any

from django import forms

from pm_origins.engine import MAX_ROLES, MAX_TITLE_LENGTH, MAX_YEARS, Role, title_problem
from pm_origins.framework import Framework, Item


def job_title(value: str) -> None:
    problem = title_problem(value)
    if problem and value:  # an empty row is fine: it is simply not a role
        raise forms.ValidationError(problem)


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
        return Role(data["title"], data["years"], data.get("years_ago") or 0.0)


RoleFormSet = forms.formset_factory(
    RoleForm, extra=0, can_delete=True, max_num=MAX_ROLES, validate_max=True, absolute_max=MAX_ROLES
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
