"""The OpenAPI schema: valid, documented without a CDN, and true to what the endpoints do.

The property-based run generates requests from the schema with schemathesis for every operation, as three
callers (the council, Hamyang-gun's official, the Ministry of Justice's staff), half of them aimed at objects
that exist. It passes when no answer is a server error and every answer matches the schema."""
import json
import os
import re

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from accounts.tokens import issue_token
from config.wsgi import application
from regions.models import Designation, LocalGovernment, Province

pytestmark = pytest.mark.django_db

CALLERS = ("council", "lead", "moj")
# A short, repeatable run in every CI build; API_FUZZ_EXAMPLES=50 API_FUZZ_SEED=random explores further.
EXAMPLES_PER_OPERATION = int(os.environ.get("API_FUZZ_EXAMPLES", "6"))
DERANDOMIZE = os.environ.get("API_FUZZ_SEED") != "random"


def test_the_schema_is_valid_and_generates_without_warnings(tmp_path):
    target = tmp_path / "schema.json"
    call_command("spectacular", "--validate", "--fail-on-warn", "--format", "openapi-json", "--file", str(target))
    paths = json.loads(target.read_text())["paths"]
    for required in ("/api/v1/auth/token/", "/api/v1/local-governments/", "/api/v1/contests/",
                     "/api/v1/proposals/{id}/submit/", "/api/v1/proposals/{id}/withdraw/",
                     "/api/v1/proposals/{id}/request-correction/", "/api/v1/proposals/{id}/versions/",
                     "/api/v1/assignments/", "/api/v1/score-sheets/{id}/submit/", "/api/v1/contests/{id}/results/",
                     "/api/v1/selection-runs/{id}/approve/", "/api/v1/objections/", "/api/v1/selected-tasks/",
                     "/api/v1/support-lines/", "/api/v1/progress-reports/", "/api/v1/designation-imports/",
                     "/api/v1/reviewer-pool/{id}/", "/api/v1/panels/{id}/auto-assign/", "/api/v1/panels/{id}/assign/",
                     "/api/v1/panels/{id}/sign-off/", "/api/v1/panels/{id}/members/", "/api/v1/rubrics/{id}/",
                     "/api/v1/contests/{id}/selection-policy/", "/api/v1/contests/{id}/files/"):
        assert required in paths, required


def test_the_documentation_page_loads_nothing_from_outside(client):
    page = client.get("/api/docs/").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources and all(source.startswith("/") for source in sources), sources


@pytest.fixture
def wsgi_requests():
    """Requests go through the real WSGI application in the test's transaction: the handler must not close the
    connection after each one (Django's own test client disconnects the same receiver)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def known_objects(ids: dict) -> dict[str, int]:
    """For each collection's path, the id of an object that exists, so requests reach real rows too."""
    return {
        "/api/v1/proposals/": ids["proposal"], "/api/v1/contests/": ids["contest"],
        "/api/v1/assignments/": ids["assignment"], "/api/v1/score-sheets/": ids["sheet"],
        "/api/v1/selection-runs/": ids["run"], "/api/v1/objections/": ids["objection"],
        "/api/v1/selected-tasks/": ids["task"], "/api/v1/progress-reports/": ids["report"],
        "/api/v1/support-lines/regional_visa/": ids["visa"], "/api/v1/notifications/": ids["notice"],
        "/api/v1/panels/": ids["panel"], "/api/v1/rubrics/": ids["rubric"], "/api/v1/reviewer-pool/": ids["reviewer"],
        "/api/v1/provinces/": Province.objects.get(code="48").pk,
        "/api/v1/local-governments/": LocalGovernment.objects.get(code="48870").pk,
        "/api/v1/designations/": Designation.objects.filter(local_government__code="48870").first().pk,
    }


def cases(operation, known: dict[str, int]):
    """Generated cases, and as many again whose ``{id}`` is a real object's."""
    generated = operation.as_strategy()
    if "{id}" not in operation.path:
        return generated
    collection = operation.path.split("{id}")[0]
    if collection not in known:
        return generated
    return st.one_of(generated, operation.as_strategy(path_parameters={"id": known[collection]}))


def run_operation(operation, known: dict[str, int], headers: dict[str, str]) -> None:
    @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, database=None, derandomize=DERANDOMIZE,
              suppress_health_check=list(HealthCheck))
    @given(case=cases(operation, known))
    def check(case):
        case.call_and_validate(headers=headers, checks=[not_a_server_error, response_schema_conformance])

    check()


def test_generated_requests_never_break_the_server_or_the_schema(world, wsgi_requests):
    users, ids = world
    schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", application)
    known = known_objects(ids)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 60
    failures = []
    for caller in CALLERS:
        for operation in operations:
            token = issue_token(users[caller])[1]  # afresh: DELETE auth/token/ revokes the one it carries
            try:
                run_operation(operation, known, {"Authorization": f"Token {token}"})
            except (AssertionError, BaseExceptionGroup) as failure:  # every failing operation is reported
                failures.append(f"{caller} {operation.label}: {str(failure)[:1500]}")
    assert failures == [], "\n\n".join(failures)
