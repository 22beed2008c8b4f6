from __future__ import annotations

from django import forms

from pm_origins.web.series.models import Comment, Feedback

HONEYPOT_FIELD = "website"


class _Protected(forms.Form):
    """The spam defences' fields, shared by the comment and feedback forms."""

    # The honeypot: hidden from people (CSS and aria-hidden), filled by bots.
    website = forms.CharField(
        required=False,
        label="Leave this field empty",
        max_length=500,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    token = forms.CharField(widget=forms.HiddenInput, max_length=500)


class CommentForm(_Protected):
    name = forms.CharField(
        label="Name",
        max_length=Comment.NAME_MAX,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        help_text="Shown with your comment.",
    )
    email = forms.EmailField(
        label="E-mail address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text="Never shown; only for us to reach you about your comment.",
    )
    body = forms.CharField(
        label="Comment",
        min_length=Comment.BODY_MIN,
        max_length=Comment.BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=(
            f"Up to {Comment.BODY_MAX} characters. Simple Markdown: *emphasis*, **bold**, "
            "`code`, lists, > quotes and [links](https://example.org)."
        ),
    )

    field_order = ["name", "email", "body", "website", "token"]


class FeedbackForm(_Protected):
    kind = forms.ChoiceField(label="What is it?", choices=Feedback.Kind.choices)
    message = forms.CharField(
        label="Your message",
        min_length=Feedback.MESSAGE_MIN,
        max_length=Feedback.MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=f"Up to {Feedback.MESSAGE_MAX} characters.",
    )
    email = forms.EmailField(
        label="E-mail address for a reply",
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text="Never shown. Leave empty if you do not need a reply.",
    )

    field_order = ["kind", "message", "email", "website", "token"]


class SearchForm(forms.Form):
    q = forms.CharField(label="Search the series", max_length=200, required=False)
