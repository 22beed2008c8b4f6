"""Simulated users for ``python -m benchmarks load``, driven by locust from Python.

Run as its own process (locust patches the standard library with gevent):
``python -m benchmarks.load_users HOST ARTICLE_PATH USERS SECONDS OUT.json``.

Each user, in a loop and without pauses, asks the bare view once, walks the
whole guest flow (start, roles, every question page, target, result) and posts
a comment on an article of the series, reading the CSRF and form tokens from
the pages like a browser. Every response is recorded (name, status, time);
what the site acknowledged (a finished result's token, a received comment's
marker) goes to the output file, so the benchmark can count rows afterwards.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
import time
from typing import Any

import gevent
from locust import FastHttpUser, events, task
from locust.env import Environment

from benchmarks.harness import roles_form

CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_TOKEN_RE = re.compile(r'name="token" value="([^"]+)"')
RADIO_RE = re.compile(r'type="radio" name="([^"]+)"')

samples: list[tuple[str, int, float, bool]] = []
acknowledged: dict[str, list[str]] = {"assessments": [], "comments": []}
_serial = itertools.count()
ARTICLE = "/"


@events.request.add_listener
def _record(name: str, response_time: float, response: Any, exception: Any, **_: Any) -> None:
    status = getattr(response, "status_code", 0) or 0
    samples.append((name, int(status), float(response_time), exception is not None))


class GuestUser(FastHttpUser):
    """A guest finding their origin, then commenting on an article."""

    def _csrf(self, html: str) -> str:
        match = CSRF_RE.search(html)
        return match.group(1) if match else ""

    def _get(self, path: str, name: str) -> str:
        with self.client.get(path, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
            return response.text or ""

    def _post(self, path: str, name: str, data: dict[str, Any]) -> str:
        """POST a form; returns the redirect target ("" when there was none)."""
        with self.client.post(
            path, data=data, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 302:
                response.failure(f"status {response.status_code}")
                return ""
            return str(response.headers.get("Location", ""))

    @task
    def visit(self) -> None:
        self._get("/bench/bare/", "bare view")
        page = self._get("/find/", "start page")
        roles = self._post("/find/", "start (write)", {"csrfmiddlewaretoken": self._csrf(page)})
        if not roles:
            return
        page = self._get(roles, "roles page")
        form = {"csrfmiddlewaretoken": self._csrf(page), **roles_form()}
        step = self._post(roles, "roles (write)", form)
        while step and "/questions/" in step:
            page = self._get(step, "question page")
            answers = {name: str(1 + n % 5) for n, name in enumerate(RADIO_RE.findall(page))}
            answers["csrfmiddlewaretoken"] = self._csrf(page)
            step = self._post(step, "answers (write)", answers)
        if not step.endswith("/target/"):
            return
        page = self._get(step, "target page")
        result = self._post(
            step, "finish (write)", {"target": "technical", "csrfmiddlewaretoken": self._csrf(page)}
        )
        if not result.startswith("/results/"):
            return
        acknowledged["assessments"].append(result.split("/")[2])
        self._get(result, "results page")
        page = self._get(ARTICLE, "article page")
        token = FORM_TOKEN_RE.search(page)
        marker = f"{id(self)}-{next(_serial)}-{time.monotonic_ns()}"
        received = self._post(
            ARTICLE + "comment/",
            "comment (write)",
            {
                "csrfmiddlewaretoken": self._csrf(page),
                "name": "Load tester",
                "email": "load@example.org",
                "body": f"A comment about this article, number {marker}.",
                "website": "",
                "token": token.group(1) if token else "",
            },
        )
        if "comment=received" in received or "comment=published" in received:
            acknowledged["comments"].append(marker)


def main(host: str, article: str, users: int, seconds: float, out: str) -> None:
    global ARTICLE
    ARTICLE = article
    environment = Environment(user_classes=[GuestUser], host=host, events=events)
    runner = environment.create_local_runner()
    runner.start(users, spawn_rate=users)
    gevent.sleep(seconds)
    runner.quit()
    with open(out, "w", encoding="utf-8") as handle:
        json.dump({"samples": samples, "acknowledged": acknowledged}, handle)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4]), sys.argv[5])
