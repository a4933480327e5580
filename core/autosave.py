"""Drafts saved while the user types, and sections that save on leaving: the server side of
``static/js/forms.js``.

An edit form marked ``data-autosave`` is sent every minute while it has unsaved changes, with the header
``X-Portal-Autosave: 1``, to its own address: the view validates and saves exactly as for a click on its
button (the same form, the same service, so the same rules and audit entries; any version field the form
carries goes along), and answers JSON instead of a page: ``{"saved": true, "saved_at": "HH:MM"}`` (KST) or
``{"saved": false, "message": "..."}`` with status 400 when the form is not valid yet (nothing is saved;
the page keeps what was typed and the user sees the reasons on his next click).

A section tab clicked with unsaved changes sends the form with ``next`` set to the tab's address: a valid
form is saved and the tab opens; an invalid one is shown again with what was typed and the reasons.
"""
from django.http import JsonResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from core.formats import clock

AUTOSAVE_HEADER = "HTTP_X_PORTAL_AUTOSAVE"


def is_autosave(request) -> bool:
    return request.META.get(AUTOSAVE_HEADER) == "1"


def saved_answer(fields: dict[str, object] | None = None) -> JsonResponse:
    """``fields``: hidden inputs the page sets to these values after the save (a draft's new version)."""
    return JsonResponse({"saved": True, "saved_at": clock(timezone.now()), "fields": fields or {}})


def not_saved_answer(message: str = "") -> JsonResponse:
    return JsonResponse({"saved": False, "message": message or _(
        "Not saved yet: some fields need attention. Press the save button to see which.")}, status=400)


def next_address(request, *, within: str) -> str | None:
    """The ``next`` the form was sent with, when it is a path of this site under ``within``; else None."""
    target = request.POST.get("next", "")
    if (target.startswith(within) and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure())):
        return target
    return None
