"""Every page's footer names the ministries from the data, the lead first, in the reader's language, without
a query per page: the names are cached, and saving a ministry (the council adding one) shows it at once."""
import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ministries.models import Ministry

pytestmark = pytest.mark.django_db


def footer(client, language="ko") -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/accounts/login/", headers={"Accept-Language": language}).content.decode()
    part = html[html.index('id="footer-ministries"'):]
    return part[:part.index("</span>")], [query["sql"] for query in queries if "ministries_ministry" in query["sql"]]


def test_the_footer_names_every_ministry_from_the_data_and_costs_no_query_once_cached(client):
    cache.clear()
    first, asked = footer(client)
    assert all(ministry.name_ko in first for ministry in Ministry.objects.all()) and len(asked) == 1
    again, asked = footer(client)
    assert again == first and asked == []
    Ministry.objects.create(code="MOTIE", name_ko="산업통상자원부", name_en="Ministry of Trade, Industry and Energy")
    added, _asked = footer(client)
    assert "산업통상자원부" in added
    reader = Client()
    reader.post(reverse("set_language"), {"language": "en", "next": "/accounts/login/"})
    english, _asked = footer(reader, "en")
    assert "Ministry of Trade, Industry and Energy" in english and "산업통상자원부" not in english
