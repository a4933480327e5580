"""What was typed survives an ended session.

A form sent after the session ended (the view sends the anonymous user to the login page) or from a page
left open too long (the CSRF check fails) is not thrown away: its text fields are kept in the session under
the page the form was on. After signing in again that page opens with the form filled in from what was kept
(``static/js/forms.js``) and a note saying so; one click on the form's own button finishes the job, under a
fresh CSRF token, so nothing is ever replayed without the user seeing it.

Kept: ``{"action": "/path/the/form/posted/to/", "fields": {name: [values...]}}`` under the page's path, at
most ``MAX_KEPT_CHARS`` characters of text (a bigger POST is not kept) and only for a form sent from this
site's own pages (the Referer's host is ours), so another site cannot fill a form for the user. Files are
never kept: the note asks for them again.
"""
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib import messages
from django.shortcuts import resolve_url
from django.utils.translation import gettext as _

SESSION_KEY = "portal_kept_posts"
MAX_KEPT_CHARS = 200_000
MAX_KEPT_PAGES = 5
NEVER_KEPT = {"csrfmiddlewaretoken", "password", "old_password", "new_password1", "new_password2"}


def page_of(request) -> str | None:
    """The path of the page the POST came from, when it came from one of our own pages; else None."""
    referer = request.META.get("HTTP_REFERER", "")
    if not referer:
        return None
    parts = urlsplit(referer)
    if parts.netloc != request.get_host():
        return None
    return parts.path or "/"


def keep_post(request) -> str | None:
    """Keep the POST's text fields for its page; return that page's path, or None when nothing was kept."""
    page = page_of(request)
    if page is None or request.path == resolve_url(settings.LOGIN_URL):
        return None
    fields = {name: request.POST.getlist(name)
              for name in request.POST if name not in NEVER_KEPT}
    if not fields or sum(len(value) for values in fields.values() for value in values) > MAX_KEPT_CHARS:
        return None
    kept = dict(request.session.get(SESSION_KEY, {}))
    kept.pop(page, None)
    kept[page] = {"action": request.path, "fields": fields}
    while len(kept) > MAX_KEPT_PAGES:
        kept.pop(next(iter(kept)))
    request.session[SESSION_KEY] = kept
    return page


def take_kept_post(request) -> dict | None:
    """The form kept for this page (removed from the session: it is filled in once), or None."""
    if request.method != "GET" or not hasattr(request, "session") or SESSION_KEY not in request.session:
        return None
    kept = dict(request.session[SESSION_KEY])
    found = kept.pop(request.path, None)
    if found is None:
        return None
    request.session[SESSION_KEY] = kept
    return found


class KeepPostOnSignOutMiddleware:
    """A POST the view turned away to the login page keeps its text, and the login leads back to the page
    the form was on (not to the POST-only address), where the form is filled in again."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "POST" and response.status_code == 302 and not request.user.is_authenticated:
            login_url = resolve_url(settings.LOGIN_URL)
            if urlsplit(response.get("Location", "")).path == login_url:
                page = keep_post(request)
                if page is not None:
                    response["Location"] = f"{login_url}?{urlencode({'next': page})}"
                    messages.info(request, _(
                        "Your session ended before the form was sent. What you typed is kept: sign in again and "
                        "the form opens filled in; check it and press its button once more (choose any files "
                        "again)."))
        return response
