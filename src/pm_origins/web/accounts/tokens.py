from __future__ import annotations

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class SignupTokenGenerator(PasswordResetTokenGenerator):
    """Confirms a new account's e-mail address.

    The hash covers ``is_active``, so a link works once, and the password hash,
    so a link dies when the password changes (a reset before confirming).
    """

    key_salt = "pm_origins.web.accounts.SignupTokenGenerator"

    def _make_hash_value(self, user, timestamp):  # type: ignore[no-untyped-def]
        return f"{user.pk}{user.password}{user.is_active}{timestamp}"


signup_token_generator = SignupTokenGenerator()
