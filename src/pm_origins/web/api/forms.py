from __future__ import annotations

from django import forms


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Token name",
        max_length=100,
        help_text='What the token is for, such as "cohort script" or "my laptop".',
    )
