from __future__ import annotations

from typing import Any

from django import forms

from pm_origins.evidence import FORMATS, MAX_TEXT_CHARS, MAX_UPLOAD_BYTES

BOTH_GIVEN = "Choose a file or paste your résumé, not both."
NONE_GIVEN = "Choose a file or paste your résumé; or skip this step."
FILE_TOO_LARGE = f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB."


class ResumeForm(forms.Form):
    file = forms.FileField(
        label="Your résumé file",
        required=False,
        help_text=f"{', '.join(FORMATS)}; at most {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(FORMATS)}),
    )
    text = forms.CharField(
        label="Or paste it here",
        required=False,
        max_length=MAX_TEXT_CHARS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=f"At most {MAX_TEXT_CHARS:,} characters.",
    )
    keep_text = forms.BooleanField(
        label="Keep my résumé text with my result",
        required=False,
        help_text="Off: only what each bullet shows is kept, not its words.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("file")
        pasted = (data.get("text") or "").strip()
        if upload and pasted:
            raise forms.ValidationError(BOTH_GIVEN)
        if not upload and not pasted and not self.errors:
            raise forms.ValidationError(NONE_GIVEN)
        if upload and upload.size > MAX_UPLOAD_BYTES:
            self.add_error("file", FILE_TOO_LARGE)
        return data


class ReviewForm(forms.Form):
    rejected = forms.MultipleChoiceField(
        label="Read wrongly", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, bullet_ids: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["rejected"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(b, b) for b in bullet_ids]
