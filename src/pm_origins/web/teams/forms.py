from __future__ import annotations

from typing import Any

from django import forms

from pm_origins.framework import Framework, Item
from pm_origins.web.teams.models import NAME_LENGTH, SecondOpinion

MAX_UPLOAD_BYTES = 2_000_000


class TeamForm(forms.Form):
    name = forms.CharField(label="Team name", max_length=NAME_LENGTH)


class JoinForm(forms.Form):
    name = forms.CharField(
        label="Your name as the team sees it", max_length=NAME_LENGTH, strip=True
    )


class TargetsForm(forms.Form):
    targets = forms.MultipleChoiceField(
        label="Target PM roles", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, framework: Framework, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["targets"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(r.id, r.name) for r in framework.roles]


class ShareForm(forms.Form):
    result = forms.ChoiceField(label="The result your team sees", widget=forms.RadioSelect)

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["result"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices


class CohortForm(forms.Form):
    name = forms.CharField(label="Cohort name", max_length=NAME_LENGTH)
    file = forms.FileField(
        label="CSV file",
        help_text="Columns: name, roles (Title=Years or Title=Years@YearsAgo, several "
        "separated by ;, and :origin after a title that fits no origin, as in Nurse=4:qa), "
        "then any question ids as answer columns. UTF-8, at most 2 MB.",
    )

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file is larger than 2 MB; split the cohort.")
        try:
            return str(upload.read().decode("utf-8"))
        except UnicodeDecodeError:
            raise forms.ValidationError(
                "The file is not UTF-8 text; save the spreadsheet as CSV UTF-8."
            ) from None


class OpinionInviteForm(forms.Form):
    relationship = forms.ChoiceField(
        label="Who will you ask?", choices=SecondOpinion.Relationship.choices
    )


class RaterForm(forms.Form):
    """The questionnaire about someone else; every question may be skipped."""

    rater_name = forms.CharField(label="Your name", max_length=NAME_LENGTH, required=False)
    anonymous = forms.BooleanField(
        label="Stay anonymous: do not show my name", required=False, initial=True
    )

    def __init__(
        self,
        *args: Any,
        framework: Framework,
        items: tuple[Item, ...],
        texts: dict[str, str],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            labels = framework.scale(item.scale).labels
            self.fields[item.id] = forms.TypedChoiceField(
                label=texts[item.id],
                required=False,
                coerce=int,
                empty_value=None,
                choices=[(n, label) for n, label in enumerate(labels, start=1)],
                widget=forms.RadioSelect,
            )

    def answers(self) -> dict[str, int]:
        return {i.id: self.cleaned_data[i.id] for i in self.items if self.cleaned_data.get(i.id)}
