"""Reading a roster CSV: people with roles and answers; every bad row by line number."""

from __future__ import annotations

import pytest

from pm_origins.engine import read_roster
from pm_origins.framework import Framework

GOOD = """name,roles,innovation_01,ux_01
Ana Lima,QA Engineer=5;Software Engineer=2@3,4,
Ben Ode,Account Executive=6,,2
"""


def test_it_reads_names_roles_with_years_ago_and_answers(framework: Framework) -> None:
    roster = read_roster(framework, GOOD)
    assert roster.valid
    ana, ben = roster.people
    assert ana.name == "Ana Lima" and ana.line == 2
    assert [(r.title, r.years, r.years_ago) for r in ana.roles] == [
        ("QA Engineer", 5.0, 0.0),
        ("Software Engineer", 2.0, 3.0),
    ]
    assert ana.answers == {"innovation_01": 4}
    assert ben.answers == {"ux_01": 2}


def test_a_spreadsheets_byte_order_mark_and_blank_lines_are_fine(framework: Framework) -> None:
    roster = read_roster(framework, "\ufeff" + GOOD.replace("\n", "\n\n", 1))
    assert roster.valid and len(roster.people) == 2


@pytest.mark.parametrize("separator", [";", "\t"])
def test_a_spreadsheets_semicolons_or_tabs_between_columns_are_read(
    framework: Framework, separator: str
) -> None:
    # Spreadsheets in many locales separate columns with ";" and quote a cell holding one.
    text = GOOD.replace(",", separator).replace(
        f"QA Engineer=5;Software Engineer=2@3{separator}",
        '"QA Engineer=5;Software Engineer=2@3"' + separator,
    )
    roster = read_roster(framework, text)
    assert roster.valid, roster.problems
    assert [(p.name, len(p.roles), p.answers) for p in roster.people] == [
        ("Ana Lima", 2, {"innovation_01": 4}),
        ("Ben Ode", 1, {"ux_01": 2}),
    ]


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (",QA Engineer=5,,", "Line 3: every person needs a name"),
        ("Cy,QA Engineer,,", "Line 3: the role 'QA Engineer' must look like"),
        ("Cy,QA Engineer=five,,", "Line 3: the role"),
        ("Cy,QA Engineer=99,,", "Line 3: Years in 'QA Engineer'"),
        ("Cy,Astronaut=3,,", "Line 3: We could not place 'Astronaut'"),
        ("Cy,Nurse=3:chef,,", "Line 3: The origin chosen for 'Nurse' is 'chef'"),
        ("Cy,QA Engineer=3,9,", "Line 3: The answer to 'innovation_01' must be from 1 to 5"),
        ("Cy,QA Engineer=3,often,", "Line 3: The answer to 'innovation_01' must be a whole number"),
        ("Cy,,,", "Line 3: give 'Cy' at least one role or one answer"),
        ("Cy,QA Engineer=3", "Line 3: 2 cells, but the header has 4 columns"),
        ("ana lima,QA Engineer=3,,", "Line 3: 'ana lima' is already on line 2"),
    ],
)
def test_a_bad_row_is_reported_by_its_line(framework: Framework, row: str, expected: str) -> None:
    text = "name,roles,innovation_01,ux_01\nAna Lima,QA Engineer=5,,\n" + row + "\n"
    roster = read_roster(framework, text)
    assert not roster.valid
    assert len(roster.problems) == 1
    assert roster.problems[0].startswith(expected), roster.problems


def test_a_title_of_another_field_says_so_and_how_to_choose_its_origin(
    framework: Framework,
) -> None:
    roster = read_roster(framework, "name,roles\nCy,Pharmacist=4;QA Engineer=2\n")
    assert not roster.valid
    (problem,) = roster.problems
    assert "'Pharmacist' reads as a job outside every origin" in problem
    assert '"Pharmacist=5:qa"' in problem and "project_management" in problem


def test_a_chosen_origin_places_a_title_that_fits_none(framework: Framework) -> None:
    roster = read_roster(framework, "name,roles\nCy,Pharmacist=4@1:qa;QA Engineer=2\n")
    assert roster.valid, roster.problems
    (cy,) = roster.people
    assert [(r.title, r.years, r.years_ago, r.origin) for r in cy.roles] == [
        ("Pharmacist", 4.0, 1.0, "qa"),
        ("QA Engineer", 2.0, 0.0, None),
    ]
    assert cy.history is not None
    assert [e.match.kind for e in cy.history.evidence] == ["chosen", "origin"]
    assert cy.history.blend == {"qa": 1.0}


def test_every_bad_row_is_reported_not_just_the_first(framework: Framework) -> None:
    text = "name,roles\nA,Astronaut=1\nB,QA Engineer=2\nC,nonsense\n"
    roster = read_roster(framework, text)
    assert [p.split(":")[0] for p in roster.problems] == ["Line 2", "Line 4"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "The file is empty"),
        ("name,innovation_01\n", "Line 1: the header needs a 'roles' column"),
        ("name,roles,favourite_colour\n", "Line 1: unknown column 'favourite_colour'"),
        ("name,roles,roles\n", "Line 1: the column 'roles' appears twice"),
    ],
)
def test_a_bad_header_is_reported(framework: Framework, text: str, expected: str) -> None:
    roster = read_roster(framework, text)
    assert any(p.startswith(expected) for p in roster.problems), roster.problems


def test_a_roster_over_the_limit_is_refused(framework: Framework) -> None:
    text = "name,roles\n" + "".join(f"P{i},QA Engineer=1\n" for i in range(4))
    assert read_roster(framework, text, max_people=3).problems[0].startswith("The file has more")
