"""Every page form's number and date fields, and every list filter, with hostile values (issue 21, kind 6).

The demo data is loaded; each demo user's pages are crawled from his landing page (each URL shape at most twice,
newest objects first). Every form on them is sent back as rendered, with one number or date field changed to a
hostile value: past what the database holds (10^20), the largest 64-bit number (SQLite stored it, and sums then
overflowed), a large negative one, year 1 or 9999. Every GET form (the list filters) gets the same values and a NUL
byte in each field, and ``page`` huge, negative and non-numbers. No answer may be a 500, and a POST may write
nothing (statements are watched on the connection; the session, the sign-in log and notifications aside).
"""
import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlencode, urlsplit

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import resolve

from accounts.models import User

pytestmark = [pytest.mark.django_db(transaction=False), pytest.mark.usefixtures("registry")]

DEMO_USERS = ["council", "hamyang", "geochang", "sancheong", "gyeongnam", "reviewer", "moj", "mois", "mafra", "mss"]
HUGE = ["1" + "0" * 20, str(2**63 - 1), "-" + "9" * 15]
DATES = ["0001-01-01", "9999-12-31"]
DATETIMES = ["0001-01-01T00:00", "9999-12-31T23:59"]
SKIP_PATHS = ("/static/", "/admin/", "/accounts/logout", "/language/", "/api/", "/healthz")
SKIP_SUFFIXES = (".xlsx", ".csv", "/download/")
# Field names (the part after a formset prefix) of numbers that a text input carries (amounts with separators).
NUMBER_NAME = re.compile(r".*(krw|amount|year|persons|companies|count|points|target|actual|jobs|reviewers|"
                         r"employees|sales|capacity).*", re.I)
IGNORED_TABLES = ("django_session", "axes_", "notifications_")


class Forms(HTMLParser):
    """The forms of a page and the links on it."""

    def __init__(self):
        super().__init__()
        self.forms, self.links, self._form, self._select, self._textarea = [], set(), None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.add(attrs["href"])
        elif tag == "form":
            self._form = {"method": (attrs.get("method") or "get").lower(), "action": attrs.get("action") or "",
                          "fields": [], "hx": attrs.get("hx-post") or attrs.get("hx-get")}
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and attrs.get("name"):
            kind = (attrs.get("type") or "text").lower()
            if kind in {"submit", "button", "file", "image", "reset"}:
                if kind == "submit" and attrs.get("name"):
                    self._form["fields"].append((attrs["name"], attrs.get("value") or "1", "submit"))
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                if kind == "radio" and not any(name == attrs["name"] for name, *_ in self._form["fields"]):
                    self._form["fields"].append((attrs["name"], attrs.get("value") or "on", kind))
                return
            short_name = attrs["name"].rsplit("-", 1)[-1]
            if kind not in {"date", "datetime-local", "hidden"} and (
                    kind == "number" or attrs.get("inputmode") == "numeric" or NUMBER_NAME.fullmatch(short_name)):
                kind = "number"
            self._form["fields"].append((attrs["name"], attrs.get("value") or "", kind))
        elif tag == "select" and attrs.get("name"):
            self._select = [attrs["name"], None]
        elif tag == "option" and self._select is not None:
            if self._select[1] is None or "selected" in attrs:
                self._select[1] = attrs.get("value", "")
        elif tag == "textarea" and attrs.get("name"):
            self._textarea = [attrs["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None:
            if self._form is not None:
                self._form["fields"].append((self._select[0], self._select[1] or "", "select"))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            if self._form is not None:
                self._form["fields"].append((self._textarea[0], self._textarea[1].strip() or "검토 의견", "textarea"))
            self._textarea = None


def shape(path: str) -> str:
    return re.sub(r"\d+", "N", path)


class Writes:
    def __init__(self):
        self.statements = []

    def __call__(self, execute, sql, params, many, context):
        head = sql.lstrip()[:12].upper()
        if head.startswith(("INSERT", "UPDATE", "DELETE")) and not any(table in sql for table in IGNORED_TABLES):
            self.statements.append(sql[:120])
        return execute(sql, params, many, context)


@pytest.fixture
def demo(demo_day, celery_eager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", "--force")


def crawl(client, limit=150):
    seen_shapes, seen, queue, pages = {}, set(), ["/"], []
    while queue and len(pages) < limit:
        url = queue.pop(0)
        path = urlsplit(url).path
        if url in seen or path.startswith(SKIP_PATHS) or path.endswith(SKIP_SUFFIXES):
            continue
        seen.add(url)
        key = shape(path)
        if seen_shapes.get(key, 0) >= 2:
            continue
        seen_shapes[key] = seen_shapes.get(key, 0) + 1
        response = client.get(url)
        assert response.status_code != 500, url
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = Forms()
        parser.feed(response.content.decode())
        pages.append((url, parser.forms))
        for link in sorted(parser.links, reverse=True):  # the newest objects (drafts, the open round) first
            link = urldefrag(link)[0]
            if link.startswith("/") and link not in seen:
                queue.append(link)
    return pages


def hostile_posts(page_url, form):
    fields = form["fields"]
    action = form["hx"] or form["action"] or page_url
    if action.startswith("?"):
        action = urlsplit(page_url).path + action
    for index, (name, _value, kind) in enumerate(fields):
        values = {"number": HUGE, "date": DATES, "datetime-local": DATETIMES}.get(kind, [])
        for hostile in values:
            data = [(n, hostile if i == index else v) for i, (n, v, _k) in enumerate(fields)]
            yield action, name, hostile, data


def test_every_form_and_filter_survives_hostile_numbers_and_dates(client, demo):
    problems, reached = [], set()
    for username in DEMO_USERS:
        client.force_login(User.objects.get(username=username))
        walk(client, problems, reached)
    assert {"post applications:proposal-budget", "post tracking:task-disbursement", "post applications:contest-update",
            "post tracking:task-agreement", "post tracking:support-add", "post reviews:panel-deadline"} <= reached
    assert not problems, "\n".join(sorted(set(problems)))


def walk(client, problems, reached: set[str]) -> None:
    """Send every form found on the user's pages back with hostile values; ``reached`` collects the URL names of
    the forms that had a number or date field."""
    tried = 0
    for page_url, forms in crawl(client):
        for form in forms:
            for action, name, hostile, data in hostile_posts(page_url, form):
                reached.add(f"{form['method']} {resolve(urlsplit(action).path).view_name}")
                if form["method"] == "get":
                    response = client.get(action.split("?")[0] + "?" + urlencode(data))
                    tried += 1
                    if response.status_code >= 500:
                        problems.append(f"GET {action} {name}={hostile}: {response.status_code}")
                    continue
                writes = Writes()
                with connection.execute_wrapper(writes):
                    try:
                        response = client.post(action, dict_of(data))
                    except Exception as error:  # the test client re-raises a view's exception
                        problems.append(f"POST {action} {name}={hostile}: {type(error).__name__}: {error}"[:300])
                        continue
                tried += 1
                if response.status_code >= 500:
                    problems.append(f"POST {action} {name}={hostile}: {response.status_code}")
                elif writes.statements:
                    problems.append(f"POST {action} {name}={hostile}: stored {writes.statements[:2]}")
            if form["method"] == "get":
                for name, _value, _kind in form["fields"]:
                    action = form["action"] or page_url
                    response = client.get(urlsplit(action).path + "?" + urlencode({name: "a\x00b"}))
                    tried += 1
                    if response.status_code != 400:
                        problems.append(f"GET {action} {name}=NUL: {response.status_code}")
        if not any(form["method"] == "get" for form in forms):
            continue
        for page in ("1" + "0" * 20, "-5", "abc"):
            response = client.get(urlsplit(page_url).path + "?" + urlencode({"page": page}))
            tried += 1
            if response.status_code >= 500:
                problems.append(f"GET {page_url} page={page}: {response.status_code}")
    return tried


def dict_of(pairs):
    data = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value)
    return data
