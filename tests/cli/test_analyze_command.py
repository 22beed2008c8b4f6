"""`pm-origins analyze FILE`: a résumé to a report, offline, with years from its dates."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from evidence.documents import (
    OLE_HEADER,
    PNG_BYTES,
    deflate_bomb_pdf,
    docx_file,
    encrypted_pdf,
    image_only_pdf,
    text_pdf,
    zip_bomb_docx,
)

ONE_PAGE = """\
Sam Rivera
sam.rivera@example.org | +1 555 010 2030

Experience

Account Manager, Northwind Logistics | Mar 2022 - Present
- Manage a portfolio of 30 mid-market shipping clients worth $4M a year.
- Ran quarterly business reviews that lifted renewals from 82% to 94%.
- Interviewed 20 clients about customs delays and shared the findings with product.
- Member of the office five-a-side football team.

Sales Representative, Contoso Foods | 06/2018 - 02/2022
- Exceeded quota three years running by opening 45 new grocery accounts.
- Built a Salesforce dashboard tracking pipeline conversion by region.

Education
BA Economics, University of Ohio, 2014 - 2018
"""


@pytest.fixture
def resume(tmp_path: Path) -> Path:
    path = tmp_path / "resume.txt"
    path.write_text(ONE_PAGE, encoding="utf-8")
    return path


def analyze_json(cli, *args: str) -> dict:
    result = cli("analyze", *args, "--today", "2026-12-02", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_present_role_gets_its_years_from_its_dates(cli, resume: Path) -> None:
    data = analyze_json(cli, str(resume))

    roles = {r["title"]: r for r in data["roles"]}
    assert roles["Account Manager"]["years"] == 4.83  # March 2022 through December 2026
    assert roles["Account Manager"]["years_ago"] == 0
    assert roles["Sales Representative"]["years"] == 3.75
    assert roles["Sales Representative"]["years_ago"] == 4.83
    assert data["origins"][0]["id"] == "sales"


def test_the_json_lists_every_bullet_with_its_role_and_competencies(cli, resume: Path) -> None:
    data = analyze_json(cli, str(resume))

    evidence = data["evidence"]
    assert [b["id"] for b in evidence] == ["b1", "b2", "b3", "b4", "b5", "b6"]
    first = evidence[0]
    assert first["text"].startswith("Manage a portfolio of 30")
    assert first["role"] == "Account Manager"
    assert first["competencies"][0]["id"] == "relationships"
    assert 0 < first["competencies"][0]["score"] <= 1
    football = evidence[3]
    assert football["competencies"] == []  # abstained, never forced
    assert all(b["rejected"] is False for b in evidence)


def test_a_rejected_bullet_is_marked_and_drops_out_of_the_markdown(cli, resume: Path) -> None:
    data = analyze_json(cli, str(resume), "--reject", "b5")
    markdown = cli("analyze", str(resume), "--today", "2026-12-02", "--reject", "b5").stdout

    assert data["evidence"][4]["rejected"] is True
    assert "Exceeded quota three years running" not in markdown
    assert "“Manage a portfolio of 30 mid-market shipping clients worth $4M a year.”" in markdown
    assert "1 bullet showed no competency; you rejected 1." in markdown


def test_markdown_quotes_bullets_under_their_competency(cli, resume: Path) -> None:
    result = cli("analyze", str(resume), "--today", "2026-12-02", "--target", "generalist")

    assert result.exit_code == 0, result.output
    assert "### Your résumé" in result.stdout
    assert "“Interviewed 20 clients about customs delays" in result.stdout
    assert "## Growth plan:" in result.stdout


def test_out_writes_the_report_to_a_file(cli, resume: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.json"

    result = cli("analyze", str(resume), "--format", "json", "--out", str(target))

    assert result.exit_code == 0, result.output
    assert "evidence" in json.loads(target.read_text(encoding="utf-8"))


def test_pasted_text_on_stdin_is_read(cli) -> None:
    data_result = cli("analyze", "-", "--format", "json", input=ONE_PAGE)

    assert data_result.exit_code == 0, data_result.output
    assert len(json.loads(data_result.stdout)["evidence"]) == 6


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "resume.pdf",
            lambda: text_pdf(
                [
                    "QA Engineer, Acme, Jan 2020 - Present",
                    "- Automated the regression suite in Cypress.",
                ]
            ),
        ),
        (
            "resume.docx",
            lambda: docx_file(
                "QA Engineer, Acme, Jan 2020 - Present",
                ["Automated the regression suite in Cypress."],
            ),
        ),
    ],
)
def test_pdf_and_docx_resumes_are_read(cli, tmp_path: Path, name: str, content) -> None:
    path = tmp_path / name
    path.write_bytes(content())

    data = analyze_json(cli, str(path))

    assert data["roles"][0]["title"] == "QA Engineer"
    assert data["roles"][0]["years"] == 7.0
    assert data["evidence"][0]["competencies"][0]["id"] == "execution"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("locked.pdf", lambda: encrypted_pdf(["QA Engineer"]), "protected by a password"),
        ("scan.pdf", image_only_pdf, "only images"),
        ("broken.pdf", lambda: text_pdf(["QA Engineer"])[:150], "could not be read as a PDF"),
        ("bomb.docx", zip_bomb_docx, "unpacks to far more"),
        ("bomb.pdf", deflate_bomb_pdf, "unpacks to far more"),
        ("old.docx", lambda: OLE_HEADER, "old Word (.doc) file"),
        ("photo.txt", lambda: PNG_BYTES, "does not look like a text file"),
        ("huge.txt", lambda: b"a" * (5 * 1024 * 1024 + 1), "larger than 5 MB"),
        ("long.txt", lambda: b"word " * 10_001, "more than 50,000 characters"),
        ("resume.rtf", lambda: b"{\\rtf1}", "not a résumé format we read"),
        ("empty.txt", lambda: b"  \n", "holds no text"),
    ],
)
def test_a_bad_file_gets_one_clear_paragraph_and_exit_2(
    cli, assert_bad_input, tmp_path: Path, name: str, content, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content())

    message = assert_bad_input(cli("analyze", str(path)))

    assert expected in " ".join(message.split())


def test_a_missing_file_is_refused(cli, assert_bad_input, tmp_path: Path) -> None:
    message = assert_bad_input(cli("analyze", str(tmp_path / "nowhere.txt")))

    assert "Cannot read" in message


def test_an_unknown_bullet_id_to_reject_is_refused(cli, assert_bad_input, resume: Path) -> None:
    message = assert_bad_input(cli("analyze", str(resume), "--reject", "b99"))

    assert "b99" in message and "b1 to b6" in message


def test_a_bad_today_and_a_bad_target_are_refused(cli, assert_bad_input, resume: Path) -> None:
    assert "YYYY-MM-DD" in assert_bad_input(cli("analyze", str(resume), "--today", "2026-13-01"))
    assert "Unknown target role" in assert_bad_input(
        cli("analyze", str(resume), "--target", "astronaut")
    )


def test_text_with_no_roles_or_bullets_says_how_to_lay_it_out(
    cli, assert_bad_input, tmp_path: Path
) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Hello there\nJust a note\n", encoding="utf-8")

    message = assert_bad_input(cli("analyze", str(path)))

    assert "No roles with dates and no bullets" in message


def test_without_the_evidence_extra_it_says_how_to_install_it(
    cli, assert_bad_input, resume: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("pm_origins.evidence.encoder._default", None)
    monkeypatch.setitem(sys.modules, "tokenizers", None)

    message = assert_bad_input(cli("analyze", str(resume)))

    assert "pm-origins[evidence]" in message


def test_a_pdf_without_the_evidence_extra_says_how_to_install_it(
    cli, assert_bad_input, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "resume.pdf"
    path.write_bytes(text_pdf(["QA Engineer, Acme, Jan 2020 - Present"]))
    monkeypatch.setitem(sys.modules, "pypdf", None)

    message = assert_bad_input(cli("analyze", str(path)))

    assert "pm-origins[evidence]" in message
