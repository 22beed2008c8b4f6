"""Links other apps add to the account page ("My results", ...)."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class AccountLink:
    label: str
    url_name: str


_links: list[AccountLink] = []


def register(label: str, url_name: str) -> None:
    """Show a link to ``url_name`` on the account page (once per url name)."""
    if all(link.url_name != url_name for link in _links):
        _links.append(AccountLink(label, url_name))


def links() -> list[tuple[str, str]]:
    out = []
    for link in _links:
        try:
            out.append((link.label, reverse(link.url_name)))
        except NoReverseMatch:
            continue
    return out
