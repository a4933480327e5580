"""The reviewer's and the council's review pages name a local government with its province once."""
import pytest
from django.urls import reverse

from accounts.roles import Role
from regions.models import LocalGovernment, Province
from reviews.models import Reviewer
from tests.factories import make_user
from tests.place_names import province_said_twice

pytestmark = pytest.mark.usefixtures("registry")


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_reviewers_pledge_page_says_the_lead_governments_province_once(client, assignment, language):
    user = assignment.reviewer.user
    user.language = language
    user.save(update_fields=["language"])
    client.force_login(user)
    body = client.get(reverse("reviews:assignment-detail", args=[assignment.pk]),
                      HTTP_ACCEPT_LANGUAGE=language).content.decode()
    hamyang = LocalGovernment.objects.get(code="48870")
    assert (hamyang.name_ko if language == "ko" else hamyang.name_en) in body
    assert province_said_twice(body) == []


@pytest.mark.parametrize("language", ["ko", "en"])
def test_the_pool_says_a_reviewers_home_province_once_unless_it_is_another(client, language):
    gyeongnam, seoul = Province.objects.get(code="48"), Province.objects.get(code="11")
    hapcheon = LocalGovernment.objects.get(code="48890")
    same = Reviewer.objects.create(user=make_user(Role.REVIEWER), affiliation="가", home_local_government=hapcheon,
                                   home_province=gyeongnam)
    other = Reviewer.objects.create(user=make_user(Role.REVIEWER), affiliation="나",
                                    home_local_government=hapcheon, home_province=seoul)
    client.force_login(make_user(Role.COUNCIL_STAFF, language=language))
    body = client.get(reverse("reviews:pool"), HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert province_said_twice(body) == []
    rows = {reviewer: body[body.index(reviewer.affiliation):].split("</tr>")[0] for reviewer in (same, other)}
    assert seoul.name not in rows[same] and seoul.name in rows[other]
