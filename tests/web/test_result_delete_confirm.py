"""Deleting a result asks first, with or without JavaScript."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from pm_origins.web.accounts.models import User
from pm_origins.web.assessments.models import Assessment

from .assess_helpers import finished


def test_the_result_page_links_to_a_confirmation_not_a_delete_button(
    owner_client: Client, owner: User
) -> None:
    result = finished(owner)
    url = reverse("assessments:delete", args=[result.token])

    html = owner_client.get(reverse("assessments:result", args=[result.token])).content.decode()

    assert f'<a class="button button-danger" href="{url}">' in html
    assert f'action="{url}"' not in html


def test_the_confirmation_page_says_what_goes_and_deletes_nothing(
    owner_client: Client, owner: User
) -> None:
    result = finished(owner)

    page = owner_client.get(reverse("assessments:delete", args=[result.token]))

    assert page.status_code == 200
    html = page.content.decode()
    assert "Delete this result?" in html and "cannot be undone" in html
    assert "Yes, delete it" in html and "No, keep it" in html
    assert "no-store" in page["Cache-Control"]
    assert Assessment.objects.filter(pk=result.pk).exists()


def test_a_post_without_the_confirmation_only_asks(owner_client: Client, owner: User) -> None:
    result = finished(owner)
    url = reverse("assessments:delete", args=[result.token])

    response = owner_client.post(url)

    assert response.status_code == 302 and response["Location"] == url
    assert Assessment.objects.filter(pk=result.pk).exists()


def test_confirming_deletes_the_result(owner_client: Client, owner: User) -> None:
    result = finished(owner)

    response = owner_client.post(
        reverse("assessments:delete", args=[result.token]), {"confirm": "yes"}
    )

    assert response["Location"] == reverse("assessments:mine")
    assert not Assessment.objects.filter(pk=result.pk).exists()


def test_someone_else_cannot_reach_the_confirmation(other_user: User, owner: User) -> None:
    result = finished(owner)
    client = Client()
    client.force_login(other_user)

    assert client.get(reverse("assessments:delete", args=[result.token])).status_code == 404
