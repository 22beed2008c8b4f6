"""The one base of the web apps' business-rule errors."""

from __future__ import annotations


class DomainError(Exception):
    """A business rule said no; ``message`` is meant for people and safe to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
