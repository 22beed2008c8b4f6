"""Find your origin in Debian's Chromium: a newcomer's whole path, and by keyboard alone."""

from __future__ import annotations

import re
from typing import Any

import pytest

from .browser import Browsing, chromium, needs_chromium
from .conftest import PASSWORD as OWNER_PASSWORD

pytestmark = [pytest.mark.browser, needs_chromium]

PASSWORD = "a long and unusual passphrase 93"
CONFIRM_LINK = re.compile(r"https?://\S+/account/signup/confirm/\S+/")


def _answer_by_label(browsing: Browsing, question: int, option: str) -> None:
    """Click the label of one answer, as a person does, and check it took."""
    fieldset = browsing.page.locator("fieldset.question").nth(question)
    fieldset.locator("label.scale-option").get_by_text(option, exact=True).click()
    assert fieldset.get_by_label(option, exact=True).is_checked()


def _checked(browsing: Browsing) -> list[str | None]:
    """The answer chosen in each question of the page (None where skipped)."""
    return list(
        browsing.page.evaluate("""() => [...document.querySelectorAll("fieldset.question")]
        .map((set) => set.querySelector("input:checked")?.value ?? null)""")
    )


def test_a_newcomer_finds_their_origin_signs_up_and_sees_it_in_my_results(
    live_server: Any, mailoutbox: list[Any], request: pytest.FixtureRequest
) -> None:
    with chromium(request.node.name) as browsing:
        page = browsing.page
        page.goto(live_server.url + "/")
        browsing.follow(page.locator("main").get_by_role("link", name="Find your origin").first)
        assert page.get_by_role("heading", level=1).inner_text() == "Find your origin"
        browsing.follow(page.get_by_role("button", name="Start"))

        # Two roles, the second after "Add another role" (htmx adds the row in place).
        page.wait_for_url(re.compile(r"/find/[^/]+/roles/$"))
        page.get_by_label("Job title").fill("QA Engineer")
        page.get_by_label("Years in the role").fill("5")
        browsing.stay(
            page.get_by_role("button", name="Add another role").click, until="#id_roles-1-title"
        )
        assert page.locator("fieldset.role-row").count() == 2
        assert page.get_by_label("Job title").first.input_value() == "QA Engineer"
        page.get_by_label("Job title").nth(1).fill("Software Engineer")
        page.get_by_label("Years in the role").nth(1).fill("3")
        page.get_by_label("Years since it ended (0 if current)").nth(1).fill("5")
        browsing.screenshot("01-roles")
        save = page.get_by_role("button", name="Save and continue")
        save.focus()  # after the in-place row, a pointer click can land on the moving form
        browsing.press_to_follow("Enter")

        # Before the questions, each title as it was read; then on.
        assert "Read as QA Engineer" in page.locator("#roles-0-reading").inner_text()
        assert "Read as Software Engineer" in page.locator("#roles-1-reading").inner_text()
        browsing.screenshot("01b-roles-read")
        browsing.follow(save)

        # The questions come one at a time by default; this walk takes every question.
        page.wait_for_url(re.compile(r"/questions/1/$"))
        assert "Question 1 · about" in page.locator("#progress-label").inner_text()
        assert page.locator("fieldset.question").count() == 1
        browsing.follow(page.get_by_role("button", name="Answer every question instead"))

        # Page 1 and 2 of the questions, then Back once: nothing is lost.
        page.wait_for_url(re.compile(r"/questions/1/$"))
        assert "Page 1 of 10" in page.locator("#progress-label").inner_text()
        for question, option in enumerate(["Often", "As a regular part of my work", "Never"]):
            _answer_by_label(browsing, question, option)
        browsing.follow(page.get_by_role("button", name="Next page"))
        page.wait_for_url(re.compile(r"/questions/2/$"))
        assert "3 of 76 questions answered" in page.locator("#progress-label").inner_text()
        _answer_by_label(browsing, 0, "A few times")
        _answer_by_label(browsing, 1, "Once or twice")
        browsing.screenshot("02-questions")
        browsing.follow(page.get_by_role("button", name="Back"))
        page.wait_for_url(re.compile(r"/questions/1/$"))
        assert _checked(browsing)[:4] == ["4", "5", "1", None]
        browsing.follow(page.get_by_role("button", name="Next page"))
        assert page.url.endswith("/questions/2/")
        assert _checked(browsing)[:3] == ["3", "2", None]
        # The rest answered low, page by page ("Never" where nothing is chosen yet),
        # so the result has gaps clear of their bands and a plan with actions.
        while "/questions/" in page.url:
            page.evaluate(
                """() => document.querySelectorAll("fieldset.question").forEach(f => {
                    const none = !f.querySelector("input:checked");
                    if (none) f.querySelector('input[value="1"]').click();
                })"""
            )
            button = page.get_by_role("button", name="Next page")
            browsing.follow(
                button if button.count() else page.get_by_role("button", name="Continue")
            )

        # The target role, then the result.
        page.wait_for_url(re.compile(r"/target/$"))
        page.locator(".target-option").get_by_text("Technical PM", exact=True).click()
        browsing.follow(page.get_by_role("button", name="See my result"))
        page.wait_for_url(re.compile(r"/results/[^/]+/$"))
        result_url = page.url
        blend = page.get_by_role("heading", level=1).inner_text()
        assert "Quality Assurance" in blend, blend
        radar = page.locator(".radar svg:visible")  # the wide or the compact drawing
        assert radar.is_visible()
        assert radar.locator("title").first.text_content() == "Your competency profile"
        assert page.get_by_role("heading", name="Your plan for the Technical PM role").is_visible()
        assert page.locator(".plan-action").count() > 0
        browsing.screenshot("03-result")

        # Sign up from the result, confirm the e-mail, and find the result again.
        browsing.follow(page.locator(".notice").get_by_role("link", name="Sign up"))
        page.get_by_label("E-mail address").fill("newcomer@example.org")
        page.get_by_label("Password", exact=True).fill(PASSWORD)
        page.get_by_label("Password again").fill(PASSWORD)
        browsing.follow(page.get_by_role("button", name="Sign up"))
        assert page.get_by_role("heading", level=1).inner_text() == "Check your e-mail"
        assert [m.to for m in mailoutbox] == [["newcomer@example.org"]]
        link = CONFIRM_LINK.search(mailoutbox[0].body)
        assert link, mailoutbox[0].body
        page.goto(link.group(0))
        assert "you are logged in" in page.locator(".messages").inner_text()

        browsing.follow(page.get_by_role("link", name="My results"))
        assert page.get_by_role("heading", level=1).inner_text() == "My results"
        row = page.locator("table").first.locator("tbody tr")
        assert row.count() == 1
        assert "Quality Assurance" in row.inner_text() and "Technical PM" in row.inner_text()
        assert page.locator(".trends svg").count() == 6
        browsing.screenshot("04-my-results")

        # It is the same result, now theirs: plan actions can be ticked off.
        browsing.follow(row.get_by_role("link"))
        assert page.url == result_url
        assert page.get_by_role("heading", level=1).inner_text() == blend
        button = page.get_by_role("button", name="Mark as done").first
        button_id = button.get_attribute("id")
        browsing.stay(button.click, until=f"#{button_id}.button-secondary")
        assert re.search(r"\b1 of \d+ actions done", page.locator("#done-count").inner_text())
        assert page.url == result_url

        assert browsing.problems.take() == []


def test_the_questionnaire_can_be_completed_by_keyboard_alone(
    live_server: Any, request: pytest.FixtureRequest
) -> None:
    with chromium(request.node.name) as browsing:
        page, keyboard = browsing.page, browsing.page.keyboard
        page.goto(live_server.url + "/find/")
        browsing.tab_to("button[type=submit]")
        browsing.press_to_follow("Enter")

        # Roles: type, tab on, add a row with Enter on its button, and continue.
        page.wait_for_url(re.compile(r"/roles/$"))
        browsing.tab_to("#id_roles-0-title")
        keyboard.type("Marketing Manager")
        browsing.tab_to("#id_roles-0-years")
        keyboard.type("6")
        browsing.tab_to("button[name=add_role]")
        browsing.stay(lambda: keyboard.press("Enter"), until="#id_roles-1-title")
        assert browsing.focus_state("#id_roles-1-title")["matches"], "the new row takes focus"
        keyboard.type("UX Designer")
        browsing.tab_to("#id_roles-1-years")
        keyboard.type("2")
        # Enter in a field sends the form the way its main button does: first the
        # titles come back as read, then Enter again goes on.
        browsing.press_to_follow("Enter")
        assert "Read as Marketing Manager" in page.locator("#roles-0-reading").inner_text()
        browsing.tab_to("#id_roles-1-years")
        browsing.press_to_follow("Enter")

        # Every question on every page: Space picks the first answer, arrows the others.
        page.wait_for_url(re.compile(r"/questions/1/$"))
        browsing.tab_to("button[value=every]")
        browsing.press_to_follow("Enter")
        page.wait_for_url(re.compile(r"/questions/1/$"))
        for number in range(1, 11):
            progress = page.locator("#progress-label").inner_text()
            assert f"Page {number} of 10 · {8 * (number - 1)} of 76 questions answered" == progress
            names = page.evaluate("""() => [...document.querySelectorAll("fieldset.question")]
                .map((set) => set.querySelector("input").name)""")
            for index, name in enumerate(names):
                browsing.tab_to(f'input[name="{name}"]')
                steps = (number + index) % 5
                if steps == 0:
                    keyboard.press("Space")
                for _ in range(steps):
                    keyboard.press("ArrowRight")
            expected = [str((number + i) % 5 + 1) for i in range(len(names))]
            assert _checked(browsing) == expected
            if number == 2:
                # Go back up one question with Shift+Tab and change its answer.
                browsing.tab_to(f'input[name="{names[-2]}"]:checked', backwards=True)
                keyboard.press("ArrowLeft")
                expected[-2] = str(int(expected[-2]) - 1 or 5)
                assert _checked(browsing) == expected
            if number % 2 == 0:
                browsing.tab_to("button[value=next]")
            # On odd pages from the last answer: Enter presses the form's main button.
            browsing.press_to_follow("Enter")

        # The target role: arrows through the choices, Enter to see the result.
        page.wait_for_url(re.compile(r"/target/$"))
        browsing.tab_to("input[name=target]")
        while page.evaluate("document.activeElement.value") != "growth_data":
            keyboard.press("ArrowDown")
        assert page.get_by_label("Growth / Data PM").is_checked()
        browsing.press_to_follow("Enter")

        page.wait_for_url(re.compile(r"/results/[^/]+/$"))
        blend = page.get_by_role("heading", level=1).inner_text()
        assert "Marketing" in blend, blend
        assert page.get_by_role(
            "heading", name="Your plan for the Growth / Data PM role"
        ).is_visible()
        # The skip link is the first stop on the result page too.
        browsing.tab_to(".skip-link")
        keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"
        assert browsing.problems.take() == []


def test_with_javascript_off_every_step_still_works(
    live_server: Any, owner: Any, request: pytest.FixtureRequest
) -> None:
    from .assess_helpers import finished

    result = finished(owner)  # data first: the ORM may not run beside Playwright's loop
    with chromium(request.node.name, javascript=False) as browsing:
        page = browsing.page
        page.goto(live_server.url + "/find/")
        browsing.follow(page.get_by_role("button", name="Start"))
        page.get_by_label("Job title").fill("Business Analyst")
        page.get_by_label("Years in the role").fill("4")
        browsing.follow(page.get_by_role("button", name="Add another role"))
        assert page.locator("fieldset.role-row").count() == 2
        page.get_by_label("Job title").nth(1).fill("Scrum Master")
        page.get_by_label("Years in the role").nth(1).fill("2")
        browsing.follow(page.get_by_role("button", name="Save and continue"))
        assert "Read as Scrum Master" in page.locator("#roles-1-reading").inner_text()
        browsing.follow(page.get_by_role("button", name="Save and continue"))
        first = page.locator("fieldset.question").first
        first.locator("label.scale-option").get_by_text("Often", exact=True).click()
        browsing.follow(page.get_by_role("button", name="Skip the rest"))
        browsing.follow(page.get_by_role("button", name="See my result"))
        assert "Business Analysis" in page.get_by_role("heading", level=1).inner_text()

        # The owner's result: ticking an action reloads the page, and it is ticked.
        page.goto(live_server.url + "/account/login/")
        page.get_by_label("E-mail address").fill(owner.email)
        page.get_by_label("Password").fill(OWNER_PASSWORD)
        browsing.follow(page.locator("main").get_by_role("button", name="Log in"))
        page.goto(f"{live_server.url}/results/{result.token}/")
        browsing.follow(page.get_by_role("button", name="Mark as done").first)
        assert re.search(r"\b1 of \d+ actions done", page.locator("#done-count").inner_text())
        assert browsing.problems.take() == []
