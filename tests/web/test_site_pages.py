from __future__ import annotations

from django.test import Client


def test_the_home_page_has_a_way_in_and_a_skip_link() -> None:
    html = Client().get("/").content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert "Find your origin" in html


def test_the_health_check_answers_ok() -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "no-store" in response["Cache-Control"]


def test_an_unknown_page_is_a_friendly_404() -> None:
    response = Client().get("/nothing/here/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_security_headers_are_sent() -> None:
    response = Client().get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_wrong_methods_are_refused_not_crashed() -> None:
    assert Client().post("/").status_code == 405
    assert Client().put("/series/feedback/").status_code == 405
    assert Client().get("/series/first/comment/").status_code == 405


def test_the_anonymous_home_page_may_be_cached_but_signed_in_pages_may_not(
    owner_client: Client,
) -> None:
    assert "no-store" not in Client().get("/").get("Cache-Control", "")
    assert "no-store" in owner_client.get("/")["Cache-Control"]


def test_serve_runs_gunicorn_not_runserver() -> None:
    from pm_origins.web.serve import INITIAL_DATA_APPS, gunicorn_argv

    argv = gunicorn_argv(host="0.0.0.0", port=9000, workers=3)
    assert argv[1:4] == ["-m", "gunicorn", "pm_origins.web.wsgi:application"]
    assert "0.0.0.0:9000" in argv and "3" in argv
    assert "series" in INITIAL_DATA_APPS
