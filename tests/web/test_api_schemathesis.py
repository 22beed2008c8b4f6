"""Schemathesis against the running app (in-process WSGI): no input, however odd,
gives a server error or an answer that disagrees with the OpenAPI schema.

Every operation gets its own test, so pytest-xdist spreads them over the cores.
Each runs schemathesis' example, coverage and fuzzing phases; the fuzzing phase
draws PM_ORIGINS_FUZZ_EXAMPLES cases (100 unless set lower for a quick local run).
Strings may hold NUL bytes, which PostgreSQL refuses in text, so run this on
both databases (`make test` does).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from pm_origins.web.accounts.models import User
from pm_origins.web.assessments.adaptive import question_session_start
from pm_origins.web.assessments.models import Assessment

from .api_helpers import API, openapi, token_for
from .assess_helpers import finished
from .conftest import make_user

EXAMPLES = int(os.environ.get("PM_ORIGINS_FUZZ_EXAMPLES", "100"))
# Every check schemathesis has (`--checks all`): server errors, status codes, content
# types, headers and bodies against the schema, and both directions of schema
# precision: data the schema allows is accepted, data it forbids is refused.
CHECKS = None
OPERATIONS = [(method, path) for path, item in openapi()["paths"].items() for method in item]


class Fuzzing:
    """What one operation's run needs: a user with a token and a result of theirs."""

    def __init__(self) -> None:
        self.user = make_user("fuzz@example.org")
        self.headers = {"Authorization": f"Bearer {token_for(self.user)}"}
        self.result = finished(self.user)

    def real_session_id(self) -> str:
        record, _ = question_session_start(user=self.user, mode="quick")
        return record.key

    def real_result_id(self) -> str:
        # DELETE cases remove it; the next case gets a fresh one.
        if not Assessment.objects.filter(pk=self.result.pk).exists():
            self.result = finished(self.user)
        return self.result.token


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # One run per operation, with a token; the parameter also gives each operation's test
    # its own node id (schemathesis' own id is lost on pytest 9.2), which xdist needs.
    if metafunc.definition.originalname == "test_no_input_breaks_the_api":
        metafunc.parametrize("fuzzing", ["token"], indirect=True)


@pytest.fixture
def fuzzing(settings: Any) -> Iterator[Fuzzing]:
    # The limits would stop a run of thousands of requests; they have their own tests.
    settings.API_RATE_LIMIT = settings.API_ANON_RATE_LIMIT = 10**9
    settings.API_AUTH_FAILURES = 10**9
    # Requests run inside the test's transaction; as Django's own test client does, keep
    # the end of each request from closing that connection (PostgreSQL would lose it).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield Fuzzing()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


# Loaded from the API object at import time: collection has no database yet, and the
# WSGI route to /openapi.json passes the rate limiter, which needs one. A test below
# checks that this is exactly the schema the app serves.
schema = schemathesis.openapi.from_dict(openapi())
schema.app = WSGIHandler()
schema.config.generation.update(allow_x00=True, codec="utf-8", with_security_parameters=False)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
)
def test_no_input_breaks_the_api(case: Any, fuzzing: Fuzzing) -> None:
    case.call_and_validate(headers=fuzzing.headers, checks=CHECKS)
    if "result_id" in (case.path_parameters or {}):
        # Random ids only ever find nothing; reach a real result too.
        case.path_parameters = {**case.path_parameters, "result_id": fuzzing.real_result_id()}
        case.call_and_validate(headers=fuzzing.headers, checks=CHECKS)
    if "session_id" in (case.path_parameters or {}):
        # And a real question session of the fuzzing user, fresh for each case.
        case.path_parameters = {**case.path_parameters, "session_id": fuzzing.real_session_id()}
        case.call_and_validate(headers=fuzzing.headers, checks=CHECKS)


def test_the_fuzzed_schema_is_the_one_the_app_serves(fuzzing: Fuzzing) -> None:
    served = schemathesis.openapi.from_wsgi(f"{API}/openapi.json", WSGIHandler())
    assert served.raw_schema == schema.raw_schema
    assert len(list(served.get_all_operations())) == len(OPERATIONS)


def test_the_fuzzed_user_is_a_fresh_account(fuzzing: Fuzzing) -> None:
    assert isinstance(fuzzing.user, User)
    assert Assessment.objects.filter(owner=fuzzing.user).count() == 1
