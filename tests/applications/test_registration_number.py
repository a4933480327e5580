from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from applications.forms.sections import CompanyForm
from applications.registration_number import is_valid, validate_business_registration_number
from applications.services import request_correction, save_companies, submit_proposal, update_proposal
from regions.models import LocalGovernment
from tests.factories import COMPANIES, complete_sections, make_user
from tests.papers import pdf_text

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize("number", ["220-81-62517", "124-81-00998", "120-81-47521", "2208162517", "220 81 62517"])
def test_published_registration_numbers_pass_the_check_digit(number):
    assert is_valid(number)
    assert validate_business_registration_number(number) == number.replace("-", "").replace(" ", "")


@pytest.mark.parametrize("number", ["220-81-62518", "124-81-00999", "0000000001"])
def test_a_wrong_check_digit_is_refused_with_the_reason(number):
    with pytest.raises(ValidationError, match="check digit does not match"):
        validate_business_registration_number(number)


@pytest.mark.parametrize("number", ["220-81-6251", "220-81-625170", "22O-81-62517", ""])
def test_anything_but_ten_digits_is_refused(number):
    with pytest.raises(ValidationError, match="has 10 digits"):
        validate_business_registration_number(number)


def test_the_company_form_puts_the_reason_next_to_the_number_and_keeps_it():
    form = CompanyForm({"name": "지리산산삼바이오", "business_registration_number": "220-81-62518",
                        "growth_stage": "early"})
    assert not form.is_valid()
    assert list(form.errors) == ["business_registration_number"]
    assert 'value="220-81-62518"' in str(form["business_registration_number"])


@pytest.mark.usefixtures("registry")
def test_the_version_comparison_and_the_paper_show_numbers_hyphenated_and_partners_by_name(client, official,
                                                                                           draft):
    """A version keeps the digits and the partners' codes; its readers see 220-81-62517 and 경상남도 산청군."""
    complete_sections(draft, official)
    update_proposal(actor=official, proposal=draft, values={},
                    partners=[LocalGovernment.objects.get(code="48860")])
    submit_proposal(actor=official, proposal=draft)
    request_correction(actor=make_user(Role.COUNCIL_STAFF), proposal=draft, reason="보완",
                       due_at=timezone.now() + timedelta(days=3))
    draft.refresh_from_db()
    save_companies(actor=official, proposal=draft, companies=COMPANIES[:1])
    submit_proposal(actor=official, proposal=draft)
    client.force_login(official)
    page = client.get(reverse("applications:proposal-versions", args=[draft.pk])).content.decode()
    paper = pdf_text(client.get(reverse("applications:proposal-application-pdf", args=[draft.pk]) + "?version=1"))
    for text in (page, paper):
        assert "220-81-62517" in text and "124-81-00998" in text
        assert "2208162517" not in text and "1248100998" not in text
        assert "Sancheong-gun" in text and "48860" not in text
