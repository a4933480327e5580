"""Every change the API offers, sent by a role allowed to make it, with a body of the wrong shape (issue 21, kind
6): not an object at all, and each field (and each field of a nested object or row) replaced by a list, an object,
a float past the double range, a lone surrogate escape, a number past 64 bits, null, year 1 or 9999 with an offset,
and text of 5,000 characters. No answer may be a 500.

What it found: a time of year 1 overflowed in DRF's own time-zone conversion (``due_at``), a lone surrogate made
the 400 quoting it fail to render (a choice's "not a valid choice"), and the selection policy spread a JSON list
into a dict."""
import json
from datetime import datetime

import pytest
from rest_framework import serializers

from core.api.fields import PlausibleDateTimeField
from tests.api.test_role_matrix import client_for, writes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ODD = [[], {"a": {"b": 1}}, 1e400, "\ud800", 10**20, None, "0001-01-01", "9999-12-31T23:59:00-12:00", "x" * 5000]


def bodies(body: dict):
    """The JSON texts sent in place of ``body``."""
    yield from ("[]", '"x"', "1", "null", "[{}]")
    for key, value in body.items():
        for odd in ODD:
            yield json.dumps({**body, key: odd})
        if isinstance(value, dict):
            for inner in value:
                for odd in ODD:
                    yield json.dumps({**body, key: {**value, inner: odd}})
        elif isinstance(value, list):
            row = value[0] if value and isinstance(value[0], dict) else {"x": 1}
            for inner in row:
                for odd in ODD:
                    yield json.dumps({**body, key: [{**row, inner: odd}]})
            for odd in ODD[:4]:
                yield json.dumps({**body, key: [odd]})


def test_every_change_survives_a_body_of_the_wrong_shape(world):
    users, ids = world
    problems = []
    for method, url, body, allowed in writes(ids):
        for role in sorted(allowed)[:1]:
            client = client_for(users, role)
            for text in bodies(body):
                try:
                    response = getattr(client, method)(url, text, content_type="application/json")
                except Exception as error:  # the test client re-raises a view's exception
                    problems.append(f"{role} {method} {url} {text[:80]}: {type(error).__name__}: {error}"[:300])
                    continue
                if response.status_code >= 500:
                    problems.append(f"{role} {method} {url} {text[:80]}: {response.status_code}")
    assert not problems, "\n".join(problems)


def test_a_lone_surrogate_in_a_json_body_is_a_400_saying_so(world):
    users, ids = world
    response = client_for(users, "council").post(f"/api/v1/selected-tasks/{ids['task']}/change-status/",
                                                 '{"status": "\\ud800", "reason": "x"}',
                                                 content_type="application/json")
    assert response.status_code == 400
    assert "surrogate" in response.json()["detail"]


def test_a_time_outside_2000_2100_is_refused_before_the_time_zone_is_applied(db):
    """DRF's own field overflowed converting year 1 (or 9999 west of UTC) to the current zone."""
    field = PlausibleDateTimeField()
    for text in ("0001-01-01", "9999-12-31T23:59:00-12:00", "1999-12-31T23:00:00+09:00"):
        with pytest.raises(serializers.ValidationError):
            field.run_validation(text)
    assert field.run_validation("2026-03-31T18:00:00+09:00") == datetime.fromisoformat("2026-03-31T18:00:00+09:00")
