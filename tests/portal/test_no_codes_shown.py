"""Codes stay codes: a Korean page names a support line, its measures, its rules and a contest's stages by their
names, never by the codes the data keeps (``regional_visa``, ``spent_krw ≤ approved_krw``, ``site_visit``)."""
import re

import pytest
from django.urls import reverse

from accounts.roles import Role
from applications.models import ContestStage
from applications.services.stages import ensure_stages
from ministries.registry import support_lines
from tests.factories import make_contest, make_user
from tests.portal.test_formats_by_kind import visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("registry")]


def codes_in(text: str, codes: set[str]) -> list[str]:
    return sorted(code for code in codes if re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text))


def test_the_ministries_and_rules_pages_show_names_not_codes(client):
    lines = support_lines()
    codes = set(lines) | {measure.code for line in lines.values() for measure in line.measures
                                        if "_" in measure.code}
    client.force_login(make_user(Role.COUNCIL_STAFF, language="ko"))
    pages = [reverse("ministries:list"), *(reverse("ministries:rules", args=[code]) for code in lines)]
    shown = {url: codes_in(visible_text(client.get(url, HTTP_ACCEPT_LANGUAGE="ko").content.decode()), codes)
             for url in pages}
    assert {url: found for url, found in shown.items() if found} == {}


def test_the_stages_page_names_each_stage_and_kind(client):
    contest = make_contest(year=2026)
    ensure_stages(contest)
    client.force_login(make_user(Role.COUNCIL_STAFF, language="ko"))
    page = visible_text(client.get(reverse("reviews:contest-stages", args=[contest.pk])).content.decode())
    stages = ContestStage.objects.filter(contest=contest).select_related("kind")
    assert stages and codes_in(page, {stage.code for stage in stages} | {stage.kind.code for stage in stages}) == []
