import pytest
from django.core.exceptions import ValidationError

from applications.forms.sections import CompanyForm
from applications.registration_number import is_valid, validate_business_registration_number

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
