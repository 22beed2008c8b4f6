"""Every page at a phone's width (390 px) and a desktop's (1280 px), and at 360 and
1440 px for the fit: no sideways scroll, chart text at least 12 px on screen, and
axe-core finds no serious or critical problem."""

from __future__ import annotations

from typing import Any

import pytest

from .browser import chromium, needs_chromium
from .test_pages_browser import Site, _visit_all, site  # noqa: F401 (the fixture)

pytestmark = [pytest.mark.browser, needs_chromium]

WIDTHS = [390, 1280]  # the phone and desktop of the issue; axe runs at both
# Sideways scroll is checked at the ends of the supported range too.
FIT_WIDTHS = [360, 390, 1280, 1440]
MIN_CHART_TEXT_PX = 12

# How far the page reaches past the window's right edge, and what sticks out.
_SIDEWAYS = """() => {
  const width = document.documentElement.clientWidth;
  const over = document.documentElement.scrollWidth - width;
  const culprits = [];
  if (over > 0) {
    for (const el of document.querySelectorAll("body *")) {
      const box = el.getBoundingClientRect();
      if (box.right > width + 1 && box.width > 0) {
        let scroller = el.parentElement, inside = false;
        while (scroller) {
          const style = getComputedStyle(scroller);
          if (["auto", "scroll", "hidden"].includes(style.overflowX)) { inside = true; break; }
          scroller = scroller.parentElement;
        }
        const name = el.tagName.toLowerCase() + "." + el.className;
        if (!inside) culprits.push(name + " " + Math.round(box.right));
      }
    }
  }
  // Inside the page: nothing in the main column runs into the side area.
  const main = document.querySelector("main");
  const edge = main ? main.getBoundingClientRect().right : width;
  for (const el of main ? main.querySelectorAll("*") : []) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > edge + 1) {
      let scroller = el.parentElement, inside = false;
      while (scroller && scroller !== main) {
        if (["auto", "scroll", "hidden"].includes(getComputedStyle(scroller).overflowX)) {
          inside = true;
          break;
        }
        scroller = scroller.parentElement;
      }
      if (!inside) culprits.push("main > " + el.tagName.toLowerCase() + "." + el.className);
    }
  }
  return {over: Math.max(over, culprits.length ? 1 : 0), culprits: culprits.slice(0, 5)};
}"""

# The smallest on-screen font size of any visible text in an SVG chart: the font's
# size in the chart's units times the chart's scale on screen.
_CHART_TEXT = """() => {
  let smallest = null, which = "";
  for (const text of document.querySelectorAll("svg text")) {
    const box = text.getBoundingClientRect();
    if (!box.width || !box.height || getComputedStyle(text).visibility === "hidden") continue;
    const matrix = text.getScreenCTM();
    if (!matrix) continue;
    const scale = Math.hypot(matrix.a, matrix.b);
    const size = parseFloat(getComputedStyle(text).fontSize) * scale;
    if (smallest === null || size < smallest) { smallest = size; which = text.textContent; }
  }
  return {smallest, which};
}"""


@pytest.mark.parametrize("width", FIT_WIDTHS)
def test_no_page_scrolls_sideways_and_chart_text_stays_readable(
    site: Site,  # noqa: F811
    live_server: Any,
    request: pytest.FixtureRequest,
    width: int,
) -> None:
    sideways: dict[str, Any] = {}
    small: dict[str, Any] = {}
    charts = 0
    with chromium(request.node.name, width=width, height=800) as browsing:
        for visit in _visit_all(browsing, site, live_server.url):
            if width < 600:
                browsing.screenshot(visit.name)  # phone views to look at, in test-artifacts/
            found = browsing.page.evaluate(_SIDEWAYS)
            if found["over"] > 0:
                sideways[visit.path] = found
                browsing.screenshot(f"sideways-{visit.name}")
            text = browsing.page.evaluate(_CHART_TEXT)
            if text["smallest"] is not None:
                charts += 1
                if text["smallest"] < MIN_CHART_TEXT_PX - 0.05:
                    small[visit.path] = text
                    browsing.screenshot(f"small-text-{visit.name}")
    assert sideways == {}, "\n".join(f"{k}: {v}" for k, v in sideways.items())
    assert small == {}, "\n".join(f"{k}: {v}" for k, v in small.items())
    assert charts >= 4, "the result, shared, compare and my-results pages have charts"


def test_axe_finds_no_serious_or_critical_violation_on_any_page(
    site: Site,  # noqa: F811
    live_server: Any,
    request: pytest.FixtureRequest,
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    found: dict[str, list[str]] = {}
    checked = []
    with chromium(f"{request.node.name}-probe") as browsing:
        # The check itself can fail: an image with no text alternative is critical.
        browsing.page.set_content('<html lang="en"><title>t</title><img src="x.png"></html>')
        probe = axe.run(browsing.page).response["violations"]
        assert any(v["id"] == "image-alt" and v["impact"] == "critical" for v in probe)
    for width in WIDTHS:
        with chromium(f"{request.node.name}-{width}", width=width) as browsing:
            for visit in _visit_all(browsing, site, live_server.url):
                checked.append(visit.name)
                results = axe.run(browsing.page)
                bad = [
                    f"{v['id']} ({v['impact']}): {v['help']} at "
                    + ", ".join(str(n["target"]) for n in v["nodes"][:3])
                    for v in results.response["violations"]
                    if v["impact"] in ("serious", "critical")
                ]
                if bad:
                    found[f"{width}px {visit.path}"] = bad
    assert found == {}
    assert {"home", "result", "shared-result", "compare", "my-results", "saved"} <= set(checked)
