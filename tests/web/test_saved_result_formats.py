"""A result saved under any earlier format and framework reads as it was saved, everywhere.

`tests/data/results/format-N.json` holds results exactly as pm-origins stored them in
format N, with the framework snapshot they were saved under (whose version and some
words differ from the framework in use, so the tests can tell them apart). Every view
and export renders each of them from the stored data: the numbers on the pages are
the stored numbers, rounded one way; the Markdown report matches the one recorded
when the format was current (`format-N/<name>.md`); the JSON exports are the stored
data itself; and the engine is never run.

To re-record the Markdown after a deliberate change to the report's wording:
PM_ORIGINS_RECORD_GOLDEN=1 pytest tests/web/test_saved_result_formats.py
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from pm_origins import engine
from pm_origins.reports import whole
from pm_origins.web.accounts.models import User
from pm_origins.web.assessments import services
from pm_origins.web.assessments.models import Assessment, FrameworkSnapshot
from pm_origins.web.core.framework import current_framework

from .api_helpers import token_for

DATA = Path(__file__).parent.parent / "data" / "results"
FORMATS = sorted(int(p.stem.split("-")[1]) for p in DATA.glob("format-*.json"))
RECORD = os.environ.get("PM_ORIGINS_RECORD_GOLDEN") == "1"


def stored(format_version: int) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / f"format-{format_version}.json").read_text())
    return data


CASES = [(f, name) for f in FORMATS for name in sorted(stored(f)["results"])]


@pytest.fixture(autouse=True)
def engine_never_runs(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a saved result was re-computed")

    monkeypatch.setattr(engine, "evaluate", refuse)
    monkeypatch.setattr(services, "evaluate", refuse)
    monkeypatch.setattr(services, "_evaluate", refuse)
    yield


def save(owner: User, format_version: int, name: str, **extra: Any) -> Assessment:
    data = stored(format_version)
    snapshot, _ = FrameworkSnapshot.objects.get_or_create(
        version=data["framework"]["version"], defaults={"data": data["framework"]}
    )
    return Assessment.objects.create(
        owner=owner,
        framework=snapshot,
        step=Assessment.Step.COMPLETE,
        result=data["results"][name],
        target=(data["results"][name].get("plan") or {}).get("target", {}).get("id", ""),
        **extra,
    )


def shown_numbers(result: dict[str, Any], format_version: int) -> dict[str, tuple[str, str]]:
    """Each competency's score and band as every view must show them, in framework order."""
    order = [c["id"] for c in stored(format_version)["framework"]["competencies"]]
    profile = result["profile"]
    return {
        c: (
            str(whole(profile[c]["score"])),
            f"{whole(profile[c]['low'])}–{whole(profile[c]['high'])}",
        )
        for c in order
    }


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_fixture_framework_is_not_the_one_in_use() -> None:
    for format_version in FORMATS:
        assert stored(format_version)["framework"]["version"] != (current_framework().version)


@pytest.mark.parametrize(("format_version", "name"), CASES)
def test_the_result_and_share_pages_show_the_saved_numbers_and_the_saved_framework(
    owner: User, format_version: int, name: str
) -> None:
    assessment = save(owner, format_version, name, share_token=f"share-{name}")
    result = assessment.result or {}
    client = Client()
    client.force_login(owner)
    pages = [
        client.get(reverse("assessments:result", args=[assessment.token])),
        Client().get(reverse("assessments:shared", args=[assessment.share_token])),
    ]
    for page in pages:
        assert page.status_code == 200
        html = page.content.decode()
        table = html[html.index('<table class="radar-table">') :]
        for competency, (score, band) in shown_numbers(result, format_version).items():
            row = re.search(rf"<th scope=\"row\">[^<]*</th><td>{score}</td><td>{band}", table)
            assert row, (competency, score, band)
        assert "User Experience (as saved)" in html
        assert f"Framework version {result['framework_version']}" in html
        for share in result["blend"]:
            assert escape(share["name"]) in html
        if result.get("plan"):
            assert result["plan"]["target"]["name"] in html


@pytest.mark.parametrize(("format_version", "name"), CASES)
def test_the_markdown_export_is_the_report_recorded_for_that_format(
    owner: User, format_version: int, name: str
) -> None:
    assessment = save(owner, format_version, name)
    client = Client()
    client.force_login(owner)
    response = client.get(reverse("assessments:export", args=[assessment.token, "md"]))
    assert response.status_code == 200
    text = response.content.decode()
    golden = DATA / f"format-{format_version}" / f"{name}.md"
    if RECORD:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    assert "User Experience (as saved)" in text


@pytest.mark.parametrize(("format_version", "name"), CASES)
def test_the_json_exports_and_the_api_give_the_result_exactly_as_saved(
    owner: User, format_version: int, name: str
) -> None:
    assessment = save(owner, format_version, name)
    saved = stored(format_version)["results"][name]
    client = Client()
    client.force_login(owner)
    export = client.get(reverse("assessments:export", args=[assessment.token, "json"]))
    assert export.json() == saved
    everything = client.get(reverse("accounts:export")).json()
    assert everything["assessments"][0]["result"] == saved
    api = Client().get(
        f"/api/v1/results/{assessment.token}", HTTP_AUTHORIZATION=f"Bearer {token_for(owner)}"
    )
    assert api.status_code == 200
    assert api.json()["result"] == saved


@pytest.mark.parametrize("format_version", FORMATS)
def test_my_results_and_compare_read_each_result_with_its_own_framework(
    owner: User, format_version: int
) -> None:
    names = sorted(stored(format_version)["results"])
    saved = [save(owner, format_version, name) for name in names]
    client = Client()
    client.force_login(owner)
    mine = client.get(reverse("assessments:mine"))
    assert mine.status_code == 200
    text = text_of(mine.content.decode())
    assert "User Experience (as saved)" in text
    for assessment in saved:
        result = assessment.result or {}
        scores = " ".join(score for score, _ in shown_numbers(result, format_version).values())
        assert scores in text
    earlier, later = saved[0], saved[1]
    compare = client.get(reverse("assessments:compare") + f"?a={earlier.token}&b={later.token}")
    assert compare.status_code == 200
    html = compare.content.decode()
    for competency, (score, _) in shown_numbers(later.result or {}, format_version).items():
        assert f"<td>{score}</td>" in html, competency


def test_a_stored_result_missing_a_competency_gets_a_clear_page_not_a_500(owner: User) -> None:
    format_version = FORMATS[0]
    name = sorted(stored(format_version)["results"])[0]
    assessment = save(owner, format_version, name)
    broken = dict(assessment.result or {})
    broken["profile"] = {k: v for k, v in broken["profile"].items() if k != "ux"}
    Assessment.objects.filter(pk=assessment.pk).update(result=broken)
    client = Client()
    client.force_login(owner)
    for url in (
        reverse("assessments:result", args=[assessment.token]),
        reverse("assessments:export", args=[assessment.token, "md"]),
    ):
        response = client.get(url)
        assert response.status_code == 422
        assert "no score for ux" in response.content.decode()
    assert client.get(reverse("assessments:mine")).status_code == 200
    assert Assessment.objects.get(pk=assessment.pk).result == broken  # nothing lost


def test_an_unknown_future_format_is_refused_plainly(owner: User) -> None:
    assessment = save(owner, FORMATS[0], sorted(stored(FORMATS[0])["results"])[0])
    Assessment.objects.filter(pk=assessment.pk).update(result={"format": 99})
    client = Client()
    client.force_login(owner)
    response = client.get(reverse("assessments:result", args=[assessment.token]))
    assert response.status_code == 422
    assert "unknown format 99" in response.content.decode()
