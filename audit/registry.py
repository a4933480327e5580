"""The labels of audit actions, registered by the app that records each action, next to its own code: each
app's ``audit_actions.py`` calls ``register_actions`` (the audit app imports every such module when it is
ready, as the admin does ``admin.py``), so a feature adds its action without editing a central list. The
audit trail's pages, timelines, exports and admin read the labels here."""
from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise

_LABELS: dict[str, Promise | str] = {}


def register_actions(labels: Mapping[str, Promise | str]) -> None:
    """Register ``{action code: label}`` (labels translated lazily, with ``gettext_lazy``). A code belongs to
    one app: registering it again with another label is a configuration error."""
    for code, label in labels.items():
        if code in _LABELS and _LABELS[code] is not label:
            raise ImproperlyConfigured(f"The audit action {code!r} is registered twice.")
        _LABELS[code] = label


def action_label(code: str) -> str:
    """The action's label in the active language; the code itself for an action nobody registered."""
    return str(_LABELS.get(code, code))


def registered_actions() -> dict[str, Promise | str]:
    return dict(_LABELS)
