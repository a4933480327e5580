"""Every URL the resolver knows, pages and API alike, read (GET) by every role with hostile values (issue 21, kind
6): in its path (an id past 64 bits, a negative, a word) and in its query string (each parameter any view, form or
filterset reads, plus ``page``, ``ordering`` and ``search``). No answer may be a 500, a NUL in any parameter is a
400, and a role refused the URL plainly is refused it whatever the query string says, without a Hamyang-gun row in
the answer. (It took in tests/api/test_hostile_filters.py, which walked the API's lists as the council only.)

The URLs come from ``django.urls.get_resolver()``, not from a list: a view added tomorrow is walked too. Its path
ids are the world's objects (``conftest.world``), chosen by the path segment before them.
"""
import os
import re
from contextlib import contextmanager
from urllib.parse import quote

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.datastructures import MultiValueDict
from rest_framework.test import APIClient

from regions.models import LocalGovernment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ROLES = ("anonymous", "lead", "other_official", "province", "other_province", "reviewer", "assigned_reviewer",
         "moj", "mss", "council")
LEAK = "48870"  # Hamyang-gun's code
SKIPPED = ("admin/", "static/", "accounts/logout/", "language/", "api/schema/", "api/docs/", "metrics", "healthz")
# What any view, page form or filterset of the portal reads from a query string (and a few it may read one day).
COMMON = ("page", "ordering", "search", "q", "contest", "year", "round", "on", "code", "stage", "status", "task",
          "day", "version", "a", "b", "next", "lang", "export", "province", "ministry", "kind", "line", "table",
          "page_size", "format", "sort", "from", "to", "date", "since", "until", "id", "pk", "ids")
HOSTILE = ("1" + "0" * 20, str(2**63), str(-(2**63) - 1), "-1", "0", "1.5", "1e30", "NaN", "Infinity",
           "0001-01-01", "9999-12-31", "2025-02-30", "99999-01-01", "abc", "x" * 5000, "９", "１２", " 1",
           "[]", "{}", "null", "true", "'; --", "%", "\u200b", "\ud800")
# What every run sends (some eight minutes on the shared two cores); HOSTILE_URLS_FULL=1 sends all of HOSTILE,
# every hostile id and every common parameter alone, to two roles (some half an hour).
QUICK = ("1" + "0" * 20, str(2**63), "-" + "9" * 19, "1e30", "9999-12-31T23:59:59Z", "-1", "abc", "0001-01-01",
         "x" * 5000, "１２", "\ud800")
ALONE = ("1" + "0" * 20, "abc", "0001-01-01")  # each parameter alone, the others absent
PATH_HOSTILE = ("1" + "0" * 20, str(2**63), "-1", "0", "abc")


def routes(patterns=None, prefix=""):
    """Each URL pattern as (route text, pattern), regex routes of the API included; format suffixes left out."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and "format" not in route:
            yield route.replace("^", "").replace("$", ""), pattern


PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


def ids_for(world) -> dict[str, str]:
    """The world's object behind each path segment (the segment before an id names what the id is)."""
    _users, ids = world
    return {"contests": ids["contest"], "proposals": ids["proposal"], "assignments": ids["assignment"],
            "sheets": ids["sheet"], "score-sheets": ids["sheet"], "runs": ids["run"], "selection-runs": ids["run"],
            "decisions": ids["decision"], "objections": ids["objection"], "tasks": ids["task"],
            "selected-tasks": ids["task"], "reports": ids["report"], "progress-reports": ids["report"],
            "notifications": ids["notice"], "panels": ids["panel"], "reviewer-pool": ids["reviewer"],
            "rubrics": ids["rubric"], "local-governments": LocalGovernment.objects.get(code="48870").pk,
            "provinces": "48", "ministries": "MOJ", "lines": "regional_visa", "support-lines": "regional_visa",
            "support-line-kinds": "regional_visa", "measures": "requested", "support": "regional_visa",
            "regional_visa": ids["visa"], "rows": "regional_visa", "recruit": 1, "recruitments": 1,
            "applications": 1, "milestones": 1, "attachments": 1, "files": 1, "stages": 1, "contest-stages": 1,
            "re-reviews": 1, "designations": 1, "designation-imports": 1}


def concrete(route: str, ids: dict, hostile: str | None = None) -> str:
    """``route`` with each parameter filled from the world, or the last one with ``hostile``."""
    matches = list(PARAMETER.finditer(route))
    path, end = "", 0
    for index, match in enumerate(matches):
        segment = route[:match.start()].rstrip("/").rsplit("/", 1)[-1]
        value = ids.get(segment, 1)
        if hostile is not None and index == len(matches) - 1:
            value = hostile
        path += route[end:match.start()] + quote(str(value))
        end = match.end()
    return "/" + path + route[end:]


def client_for(users, role) -> APIClient:
    client = APIClient()
    if role != "anonymous":
        client.force_login(users[role])
    return client


def declared_names(pattern) -> tuple[str, ...]:
    """The query parameters ``pattern``'s view declares (a filterset's fields), and the common ones."""
    view = getattr(pattern.callback, "cls", None) or getattr(pattern.callback, "view_class", None)
    filterset = getattr(view, "filterset_class", None)
    declared = tuple(filterset.base_filters) if filterset else ()
    return (*declared, *COMMON)


@contextmanager
def reads_recorded():
    """The keys looked up in any QueryDict while the block runs: what a view, its forms (each field asks for its
    name), its filterset, ordering and pagination read from the query string."""
    keys: set[str] = set()
    saved = {name: getattr(MultiValueDict, name) for name in ("get", "getlist", "__getitem__", "__contains__")}

    def recording(name):
        original = saved[name]

        def lookup(self, key, *args, **kwargs):
            if isinstance(key, str):
                keys.add(key)
            return original(self, key, *args, **kwargs)
        return lookup

    for name in saved:
        setattr(MultiValueDict, name, recording(name))
    try:
        yield keys
    finally:
        for name, original in saved.items():
            setattr(MultiValueDict, name, original)


def get(client, path: str, query: str = ""):
    try:
        return client.get(path + ("?" + query if query else ""))
    except Exception as error:  # the test client re-raises a view's exception
        return error


def text_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode(errors="replace")


def failed(response) -> bool:
    return isinstance(response, Exception) or response.status_code >= 500


def describe(role, path, query, response) -> str:
    shown = response if isinstance(response, Exception) else response.status_code
    return f"{role} GET {path}?{query[:60]}: {type(shown).__name__ if isinstance(shown, Exception) else shown}" \
           f" {str(shown)[:160] if isinstance(shown, Exception) else ''}"


def log(line: str) -> None:
    """Each problem as it is found, to the file ``HOSTILE_URLS_LOG`` names (a long exploratory run)."""
    if os.environ.get("HOSTILE_URLS_LOG"):
        with open(os.environ["HOSTILE_URLS_LOG"], "a", encoding="utf-8") as file:
            file.write(line + "\n")


def test_every_url_read_by_every_role_with_hostile_paths_and_parameters(world):
    users, _ids = world
    by_segment = ids_for(world)
    found = [(route, pattern) for route, pattern in routes() if not route.startswith(SKIPPED)]
    assert len(found) > 150
    problems, readable = [], []
    clients = {role: client_for(users, role) for role in ROLES}
    full = bool(os.environ.get("HOSTILE_URLS_FULL"))

    def check(role, path, query="", refused=False):
        response = get(clients[role], path, query)
        if failed(response):
            problems.append(describe(role, path, query, response))
            log(problems[-1])
        elif refused and (response.status_code == 200 or LEAK in text_of(response)):
            problems.append(f"{role} GET {path}?{query[:60]}: {response.status_code}, refused without the query")
            log(problems[-1])
        return response

    for route, pattern in found:
        path = concrete(route, by_segment)
        statuses = {}
        for role in ROLES:
            response = check(role, path)
            if not isinstance(response, Exception):
                statuses[role] = response.status_code
        allowed = [role for role, status in statuses.items() if status == 200]
        refused = [role for role, status in statuses.items() if status in (401, 403, 404)]
        if PARAMETER.search(route):
            for role in (allowed[-1:] + refused[-1:] if full else allowed[-1:]) or ["council"]:
                for hostile in PATH_HOSTILE if full else PATH_HOSTILE[::4]:
                    check(role, concrete(route, by_segment, hostile))
        if not allowed:
            continue
        readable.append(path)
        reader, names = allowed[-1], declared_names(pattern)  # the most able reader: the council is last
        with reads_recorded() as read:  # what the view reads when every common parameter is sent
            get(clients[reader], path, "&".join(f"{quote(name)}=1" for name in names))
        read -= {"csrfmiddlewaretoken"}
        for value in HOSTILE if full else QUICK:  # every parameter at once, then each alone
            encoded = quote(value, safe="", errors="surrogatepass")
            check(reader, path, "&".join(f"{quote(name)}={encoded}" for name in names))
            if refused and (full or value in ALONE):
                check(refused[-1], path, "&".join(f"{quote(name)}={encoded}" for name in names), refused=True)
        for name in sorted(read) if not full else names:
            for value in HOSTILE if full else ALONE:
                check(reader, path, quote(name) + "=" + quote(value, safe="", errors="surrogatepass"))
            check(reader, path, f"{quote(name)}=1&{quote(name)}=2&{quote(name)}[]=3")
            nul = get(clients[reader], path, f"{quote(name)}=a%00b")
            if isinstance(nul, Exception) or nul.status_code != 400:
                problems.append(describe(reader, path, f"{name}=a%00b (not a 400)", nul))
    assert len(readable) > 40
    assert not problems, "\n".join(problems)
