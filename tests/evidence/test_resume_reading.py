"""Résumé text to roles (title, employer, dates, years) and bullets."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pm_origins.evidence.resume import MAX_BULLETS, parse_resume

TODAY = date(2026, 12, 2)


def only_role(text: str):
    parsed = parse_resume(text, TODAY)
    assert len(parsed.roles) == 1, parsed.roles
    return parsed.roles[0]


@pytest.mark.parametrize("word", ["Present", "present", "Current", "now", "Today", "ongoing"])
def test_a_present_role_runs_to_today(word: str) -> None:
    role = only_role(f"Senior QA Engineer, Brightpay - Jan 2021 - {word}")

    assert role.current
    assert role.years == 6.0  # January 2021 through December 2026
    assert role.years_ago == 0.0


@pytest.mark.parametrize(
    ("dates", "years", "years_ago"),
    [
        ("Mar 2016 - Dec 2020", 4.83, 6.0),
        ("March 2016 – December 2020", 4.83, 6.0),
        ("03/2016 - 12/2020", 4.83, 6.0),
        ("2016-03 to 2020-12", 4.83, 6.0),
        ("Jan 2020 - Mar 2020", 0.25, 6.75),
        ("2016 - 2019", 3.0, 7.5),
        ("2019 – 2019", 0.5, 7.5),
        ("Sept. 2010 — Aug. 2012", 2.0, 14.33),
    ],
)
def test_month_year_and_year_dates_give_years_and_years_ago(
    dates: str, years: float, years_ago: float
) -> None:
    role = only_role(f"QA Analyst | Acme Bank | {dates}")

    assert not role.current
    assert role.years == pytest.approx(years, abs=0.01)
    assert role.years_ago == pytest.approx(years_ago, abs=0.01)


@pytest.mark.parametrize(
    ("header", "title", "employer"),
    [
        ("Product Designer at Loop Health, May 2019 - Present", "Product Designer", "Loop Health"),
        ("Loop Health — Product Designer — May 2019 - Present", "Product Designer", "Loop Health"),
        ("Loop Health\nProduct Designer    May 2019 - Present", "Product Designer", "Loop Health"),
        ("Product Designer @ Loop Health (May 2019 - Present)", "Product Designer", "Loop Health"),
        ("Loop Health | Berlin\nUX Lead, May 2019 - now", "UX Lead", "Loop Health"),
    ],
)
def test_title_and_employer_are_told_apart(header: str, title: str, employer: str) -> None:
    role = only_role(header)

    assert (role.title, role.employer) == (title, employer)


def test_bullets_belong_to_the_role_above_them_and_wrapped_lines_join() -> None:
    parsed = parse_resume(
        "Experience\n"
        "Account Manager, Northwind | Mar 2022 - Present\n"
        "- Ran quarterly business reviews that lifted renewals\n"
        "  from 82% to 94%.\n"
        "• Interviewed 20 clients about customs delays.\n"
        "Sales Rep, Contoso | 2018 - 2022\n"
        "* Opened 45 new grocery accounts in two years.\n",
        TODAY,
    )

    assert [(b.id, b.role) for b in parsed.bullets] == [("b1", 0), ("b2", 0), ("b3", 1)]
    assert parsed.bullets[0].text == (
        "Ran quarterly business reviews that lifted renewals from 82% to 94%."
    )


def test_dates_under_education_make_no_role_and_summary_bullets_have_none() -> None:
    parsed = parse_resume(
        "Summary\n"
        "Analyst moving into product with six years of reporting and modelling work.\n"
        "Experience\n"
        "Data Analyst, Fabrikam, 2019 - Present\n"
        "- Built the weekly revenue dashboard in Tableau.\n"
        "Education\n"
        "BSc Mathematics, University of Leeds, 2012 - 2015\n",
        TODAY,
    )

    assert [r.title for r in parsed.roles] == ["Data Analyst"]
    assert parsed.bullets[0].role is None
    assert parsed.bullets[1].role == 0


def test_contact_lines_and_short_fragments_are_not_bullets() -> None:
    parsed = parse_resume(
        "- jane@example.com\n- +44 7700 900123\n- Jira\n- Led a team of five testers.\n", TODAY
    )

    assert [b.text for b in parsed.bullets] == ["Led a team of five testers."]


def test_impossible_dates_give_a_role_without_years() -> None:
    backwards = only_role("Tester, Acme, 2021 - 2019")
    future = only_role("Tester, Acme, Jan 2030 - Present")

    assert backwards.years is None and backwards.as_engine_role() is None
    assert future.years is None


def test_a_huge_list_of_bullets_is_cut_at_the_limit() -> None:
    text = "\n".join(f"- Shipped release number {i} to production on time." for i in range(500))

    parsed = parse_resume(text, TODAY)

    assert len(parsed.bullets) == MAX_BULLETS
    assert parsed.truncated


def test_the_engine_role_carries_title_years_and_years_ago() -> None:
    role = only_role("QA Engineer, Acme, Jan 2020 - Dec 2023").as_engine_role()

    assert role is not None
    assert (role.title, role.years, role.years_ago) == ("QA Engineer", 4.0, 3.0)


@given(
    start=st.dates(min_value=date(1970, 1, 1), max_value=TODAY),
    end=st.dates(min_value=date(1970, 1, 1), max_value=TODAY),
)
def test_years_and_years_ago_are_never_negative_and_add_up_to_the_span(
    start: date, end: date
) -> None:
    text = f"Engineer, Acme, {start:%b %Y} - {end:%b %Y}"

    role = only_role(text)

    if end < start.replace(day=1):
        assert role.years is None
        return
    assert role.years is not None and role.years_ago is not None
    assert role.years >= 0 and role.years_ago >= 0
    months_to_today = (TODAY.year - start.year) * 12 + TODAY.month - start.month + 1
    assert role.years + role.years_ago == pytest.approx(months_to_today / 12, abs=0.02)
