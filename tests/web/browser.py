"""Shared pieces of the browser tests: Debian's Chromium through Playwright's sync API.

Playwright's sync API runs an asyncio event loop in the test's thread, and
Django refuses ORM calls there; so a test makes its data first and only then
opens the browser. The live server answers from its own thread, where the ORM
works as usual.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# A missing browser fails the test (it is never skipped): `make test` installs it.
needs_chromium = pytest.mark.usefixtures("chromium_installed")

# Chromium logs CSP violations to the console too; this makes sure each one is
# reported as an error whatever the wording, with the directive that blocked it.
_REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
                + ` at ${event.sourceFile || location.href}:${event.lineNumber}`);
});
"""

# What the focused element is, and whether a sighted keyboard user can see it.
_FOCUS_STATE = """
(selector) => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) {
    return {matches: false, visible: false, onPage: false, describe: "the page itself"};
  }
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== "none";
  return {matches: selector ? el.matches(selector) : false, visible: outline || shadow,
          onPage: true, describe: el.outerHTML.slice(0, 160)};
}
"""


@dataclass
class Problems:
    """Console errors, uncaught script errors and failed requests, as they happen."""

    seen: list[str] = field(default_factory=list)

    def watch(self, context: Any) -> None:
        context.on("console", self._console)
        context.on("weberror", lambda error: self.seen.append(f"page error: {error.error}"))
        context.on("requestfailed", self._request_failed)

    def _request_failed(self, request: Any) -> None:
        # ERR_ABORTED is the browser dropping a request because the page moved on
        # (a favicon still loading when a link is followed): not a fault of the site.
        if "ERR_ABORTED" not in (request.failure or ""):
            self.seen.append(f"request failed: {request.method} {request.url} ({request.failure})")

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.seen.append(f"console error: {message.text} ({message.location.get('url')})")

    def take(self) -> list[str]:
        """The problems seen since the last call."""
        found, self.seen = self.seen, []
        return found


@dataclass
class Browsing:
    """One browser tab for one test, with its problems and screenshots."""

    page: Any
    problems: Problems
    name: str

    def screenshot(self, step: str = "") -> Path:
        path = ARTIFACTS / (f"{self.name}/{step}.png" if step else f"{self.name}.png")
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def follow(self, locator: Any) -> None:
        """Click what leads to another page and wait until that page has loaded."""
        with self.page.expect_navigation():
            locator.click()

    def press_to_follow(self, key: str) -> None:
        """Press a key that leads to another page and wait until that page has loaded."""
        with self.page.expect_navigation():
            self.page.keyboard.press(key)

    def stay(self, action: Any, until: str) -> None:
        """Do something htmx answers in place: no new page loads, and ``until``
        (a selector) appears. Python polls, because the CSP forbids Playwright's eval."""
        loads: list[str] = []
        self.page.on("load", lambda page: loads.append(page.url))
        action()
        self.page.locator(until).first.wait_for()
        assert loads == [], f"expected an in-place update, but pages loaded: {loads}"

    def focus_state(self, selector: str = "") -> dict[str, Any]:
        return dict(self.page.evaluate(_FOCUS_STATE, selector))

    def tab_to(self, selector: str, *, backwards: bool = False, limit: int = 60) -> None:
        """Press Tab (or Shift+Tab) until ``selector`` has focus, checking every stop.

        Each element that takes focus on the way must show it (an outline or a box
        shadow), as a keyboard user would need.
        """
        key = "Shift+Tab" if backwards else "Tab"
        for _ in range(limit):
            self.page.keyboard.press(key)
            state = self.focus_state(selector)
            if not state["onPage"]:
                continue  # focus left the document (past the last element); keep going
            assert state["visible"], f"focus is not visible on {state['describe']}"
            if state["matches"]:
                return
        raise AssertionError(f"{limit} presses of {key} never reached {selector}")


@contextmanager
def chromium(
    name: str, *, width: int = 1280, height: int = 900, javascript: bool = True
) -> Iterator[Browsing]:
    """A fresh Chromium tab; a full-page screenshot as ``test-artifacts/<name>.png`` at the end
    (``<name>-failed.png`` when the test failed). ``javascript=False`` browses with it off."""
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=javascript
        )
        context.add_init_script(_REPORT_CSP_VIOLATIONS)
        problems = Problems()
        problems.watch(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        browsing = Browsing(page=page, problems=problems, name=_file_name(name))
        try:
            yield browsing
        except BaseException:
            # Best effort: the page may be half-way through a navigation.
            with suppress(Exception):
                page.screenshot(
                    path=str(ARTIFACTS / f"{browsing.name}-failed.png"),
                    full_page=True,
                    timeout=5_000,
                )
            raise
        else:
            browsing.screenshot()
        finally:
            context.close()
            browser.close()


def _file_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")
