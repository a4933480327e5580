"""Open registries: each app registers the labels of the audit actions it records and the notification events
it announces in its own modules (``<app>/audit_actions.py``, ``<app>/notification_events.py``), and every
action or event the code names is registered, labelled in Korean and English, with its texts."""
import ast
import tomllib
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template.loader import get_template
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from audit.models import AuditEntry
from audit.registry import action_label, register_actions, registered_actions
from notifications.events import EVENTS, Event, register_events

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]


def literal_calls(function: str, argument: str | int) -> dict[str, str]:
    """``{literal: path}`` for every call of ``function`` in the project whose ``argument`` (a keyword, or a
    position) is a string literal."""
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None))
                        == function):
                    continue
                values = ([keyword.value for keyword in node.keywords if keyword.arg == argument]
                          if isinstance(argument, str) else node.args[argument:argument + 1])
                for value in values:
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        found[value.value] = str(path.relative_to(ROOT))
    return found


def test_every_audit_action_the_code_records_has_a_label_registered_by_its_app():
    recorded = literal_calls("record", "action")
    assert len(recorded) > 40
    missing = {action: path for action, path in recorded.items() if action not in registered_actions()}
    assert missing == {}


def test_labels_are_translated_and_read_by_the_audit_trail(settings):
    entry = AuditEntry(action="proposal.submitted")
    with translation.override("ko"):
        korean = entry.action_label
    with translation.override("en"):
        assert entry.action_label == "Proposal submitted"
    assert korean != "Proposal submitted" and korean.strip()
    assert AuditEntry(action="nobody.registered").action_label == "nobody.registered"


def test_an_app_adds_an_action_by_registering_it_and_a_code_is_registered_once(monkeypatch):
    from audit import registry

    monkeypatch.setattr(registry, "_LABELS", dict(registry._LABELS))
    register_actions({"demo.pinged": _("Contest created")})
    assert AuditEntry(action="demo.pinged").action_label == action_label("contest.created")
    with pytest.raises(ImproperlyConfigured):
        register_actions({"contest.created": _("Contest created")})  # another label object: another owner


def test_every_event_the_code_announces_is_registered_with_its_texts_and_registered_once(monkeypatch):
    announced = literal_calls("announce", 0)
    assert {"proposal.correction_requested", "review.assigned", "selection.objection_decided"} <= set(announced)
    assert {event: path for event, path in announced.items() if event not in EVENTS} == {}
    for event in EVENTS.values():
        assert event.app in event.template_stem and event.app in {"applications", "reviews", "selection", "tracking"}
        for part in ("subject", "body"):
            get_template(f"{event.template_stem}_{part}.txt")
    monkeypatch.setattr("notifications.events.EVENTS", dict(EVENTS))
    with pytest.raises(ImproperlyConfigured):
        register_events("selection", [Event("review.assigned", "accounts.User", (), list, str)])


@pytest.mark.django_db
def test_the_audit_admin_lists_and_filters_actions_by_their_labels_in_the_readers_language(client):
    from accounts.roles import Role
    from tests.factories import make_user

    admin_user = make_user(Role.ADMINISTRATOR, language="ko")
    AuditEntry.objects.create(actor=admin_user, action="proposal.submitted", target_type="applications.proposal",
                              target_id="1")
    AuditEntry.objects.create(actor=admin_user, action="review.rubric_created", target_type="reviews.rubric",
                              target_id="2")
    client.force_login(admin_user)
    with translation.override("ko"):
        submitted, rubric = action_label("proposal.submitted"), action_label("review.rubric_created")
    page = client.get("/admin/audit/auditentry/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert submitted in page and rubric in page and "review.rubric_created</td>" not in page
    filtered = client.get("/admin/audit/auditentry/?action=review.rubric_created",
                          HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    cell = '<td class="field-action_name">{}</td>'.format
    assert cell(rubric) in filtered and cell(submitted) not in filtered and cell(submitted) in page
