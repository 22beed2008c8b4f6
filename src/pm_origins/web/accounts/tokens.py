from __future__ import annotations

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class SignupTokenGenerator(PasswordResetTokenGenerator):
    """Confirms a new account's e-mail address.

    The hash covers ``is_active``, so a link works once; it covers the password
    hash too, so signing up again (with a new password) voids older links.
    """

    key_salt = "pm_origins.web.accounts.SignupTokenGenerator"

    def _make_hash_value(self, user, timestamp):  # type: ignore[no-untyped-def]
        return f"{user.pk}{user.password}{user.is_active}{timestamp}"


signup_token_generator = SignupTokenGenerator()
