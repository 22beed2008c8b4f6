"""Account mails, sent by the task worker.

The tasks take the address, never a link: the worker makes the confirmation or
reset token when it sends, so no live link is stored in the task queue.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_tasks import task

from pm_origins.web.accounts.models import User
from pm_origins.web.accounts.tokens import signup_token_generator


def _send(*, template: str, to: str, context: dict[str, Any]) -> None:
    subject = render_to_string(f"accounts/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"accounts/email/{template}.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


@task()
def send_signup_mail(*, email: str, created: bool, site_url: str) -> None:
    """The mail for a sign-up: a confirmation link, or a note to an existing account's owner."""
    user = User.objects.filter(email=email).first()
    if user is None:  # deleted before the worker got here
        return
    links = {
        "login_url": site_url + reverse("accounts:login"),
        "reset_url": site_url + reverse("accounts:password_reset"),
    }
    if user.is_active:
        _send(template="signup_exists", to=email, context=links)
        return
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = signup_token_generator.make_token(user)
    confirm_url = site_url + reverse("accounts:signup_confirm", args=[uidb64, token])
    template = "signup_confirm" if created else "signup_pending"
    _send(template=template, to=email, context={**links, "confirm_url": confirm_url})


@task()
def send_password_reset_mail(*, email: str, site_url: str) -> None:
    """A reset link to each active account with this address (none for an unknown one)."""
    parts = urlsplit(site_url)
    form = PasswordResetForm({"email": email})
    if form.is_valid():
        form.save(
            domain_override=parts.netloc,
            use_https=parts.scheme == "https",
            subject_template_name="accounts/email/password_reset_subject.txt",
            email_template_name="accounts/email/password_reset.txt",
        )
