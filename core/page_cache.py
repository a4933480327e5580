"""Rendered pages kept per reader until the next write: officials read far more than they write, and
rendering a page (the layout, a filter form, a table of rows) costs many times what answering at all does.

A GET that a signed-in reader (a session with its CSRF cookie, or an API token) makes is kept, rendered,
under a key naming who asks (user, CSRF secret, Authorization header), in which language, for what (host,
path and query string, the htmx and Accept headers). It is served again only under the data version it was
rendered at (``core.data_version``), which every committed write moves on, and for at most
``PAGE_CACHE_SECONDS``, which bounds what changes with the clock alone (a deadline passing).

Only a plain 200 HTML or JSON answer is kept, and never one that carries or leaves a message, changes the
session, sets a cookie or says ``no-store``. Pages are kept in the shared cache (``CACHE_URL``); without one
the setting defaults to 0, which turns all of this off. The admin is never kept.
"""
import hashlib
import logging

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone

from core.data_version import VERSION_KEY, current_data_version, page_cache_enabled

logger = logging.getLogger(__name__)

KEPT_CONTENT_TYPES = ("text/html", "application/json")
# Request headers that change what the same URL answers: htmx fragments and the API's formats.
VARYING_HEADERS = ("HTTP_HX_REQUEST", "HTTP_HX_TARGET", "HTTP_HX_TRIGGER", "HTTP_HX_BOOSTED", "HTTP_ACCEPT")
NEVER_KEPT_NAMESPACES = {"admin"}


def _reader(request) -> str | None:
    """Who the answer is for, or None for a request that is not kept (anonymous, or no CSRF cookie yet:
    its page would carry a token for a cookie only that answer sets)."""
    authorization = request.META.get("HTTP_AUTHORIZATION", "")
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and "CSRF_COOKIE" in request.META:
        return f"user {user.pk} {request.META['CSRF_COOKIE']} {authorization}"
    if authorization:  # an API token: the view authenticates it; only its 200 is kept
        return f"authorization {authorization}"
    return None


def _has_messages(request) -> bool:
    return len(messages.get_messages(request)) > 0


def _page_key(request, reader: str) -> str:
    parts = [reader, request.LANGUAGE_CODE, request.get_host(), request.get_full_path(),
             *(request.META.get(header, "") for header in VARYING_HEADERS)]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"portal:page:{digest}"


def _seconds_to_keep(request) -> int:
    """``PAGE_CACHE_SECONDS``, or less for an API token that expires sooner: a kept answer is never served to
    a token past its expiry (an expiry is the clock, not a write, so the data version does not see it)."""
    seconds = settings.PAGE_CACHE_SECONDS
    expiry = getattr(getattr(request, "auth", None), "expiry", None)  # the token DRF authenticated, if any
    if expiry is not None:
        seconds = min(seconds, int((expiry - timezone.now()).total_seconds()))
    return seconds


class _Lookup:
    """One request's place in the cache: its key and the data version it will be rendered under."""

    def __init__(self, key: str, version: int) -> None:
        self.key = key
        self.version = version
        self.hit = False


class PageCacheMiddleware:
    """Serves a kept page before the view runs, and keeps a fresh one after. Placed after the session,
    authentication, language and messages middleware, which the key and the checks read."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        lookup = getattr(request, "_page_cache", None)
        if lookup is not None:
            if not lookup.hit:
                self._keep(request, response, lookup)
            response["X-Page-Cache"] = "hit" if lookup.hit else "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (not page_cache_enabled() or request.method != "GET"
                or request.resolver_match.namespace in NEVER_KEPT_NAMESPACES):
            return None
        reader = _reader(request)
        if reader is None or _has_messages(request):
            return None
        key = _page_key(request, reader)
        try:
            found = cache.get_many([VERSION_KEY, key])  # one round trip for both
            version = found.get(VERSION_KEY) or current_data_version()
        except Exception:  # the cache is down: render as if it were not there
            logger.warning("Page cache unavailable", exc_info=True)
            return None
        request._page_cache = lookup = _Lookup(key, version)
        kept = found.get(key)
        if kept is None or kept["version"] != version:
            return None
        lookup.hit = True
        if kept["used_csrf_token"]:
            get_token(request)  # renews the CSRF cookie as rendering the page's forms would have
        return HttpResponse(kept["content"], status=kept["status"], headers=kept["headers"])

    @staticmethod
    def _keep(request, response, lookup: _Lookup) -> None:
        if (response.status_code != 200 or response.streaming or response.cookies
                or not response.get("Content-Type", "").startswith(KEPT_CONTENT_TYPES)
                or "no-store" in response.get("Cache-Control", "")
                or getattr(getattr(request, "session", None), "modified", False)
                or _has_messages(request)):
            return
        seconds = _seconds_to_keep(request)
        if seconds <= 0:
            return
        kept = {"version": lookup.version, "status": response.status_code, "content": response.content,
                "headers": dict(response.headers),
                "used_csrf_token": bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))}
        try:
            cache.set(lookup.key, kept, seconds)
        except Exception:
            logger.warning("Could not keep a page", exc_info=True)
