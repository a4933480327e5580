"""The admin is one more door to the same columns: its forms give every number and date the bounds the pages'
forms and the API have, so an administrator's typo of 10^20 or year 1 is a message beside the field, not a 500
or a stored value that breaks the council's lists and exports."""
import pytest
from django import forms
from django.contrib import admin
from django.test import RequestFactory

from accounts.roles import Role
from applications.models import Contest
from core.fields import MAX_KRW, validate_plausible_date
from tests.factories import make_contest, make_user

pytestmark = pytest.mark.usefixtures("registry")


def _date_fields(form_field):
    """A date field, or the date and time halves' whole (the admin's split date-time field)."""
    return isinstance(form_field, forms.DateField | forms.DateTimeField | forms.SplitDateTimeField)


def test_every_admin_form_bounds_its_numbers_and_dates():
    request = RequestFactory().get("/admin/")
    request.user = make_user(Role.ADMINISTRATOR)
    checked = 0
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_add_permission(request) and not model_admin.has_change_permission(request):
            continue
        form = model_admin.get_form(request)()
        for name, field in form.fields.items():
            where = f"{model.__name__}.{name}"
            if isinstance(field, forms.IntegerField) and not isinstance(field, forms.ModelChoiceField):
                assert field.max_value is not None and field.max_value <= MAX_KRW, where
                checked += 1
            elif _date_fields(field):
                assert validate_plausible_date in field.validators, where
                checked += 1
    assert checked > 10  # the walk reached the admin's forms


def test_an_administrator_typing_an_impossible_year_or_amount_is_told_beside_the_field(client):
    contest = make_contest()
    client.force_login(make_user(Role.ADMINISTRATOR))
    url = f"/admin/applications/contest/{contest.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    payload = {}
    for name, field in form.fields.items():
        value = form.initial.get(name)
        if isinstance(field, forms.SplitDateTimeField) and value:
            payload[f"{name}_0"], payload[f"{name}_1"] = value.strftime("%Y-%m-%d"), value.strftime("%H:%M:%S")
        elif isinstance(field, forms.ModelMultipleChoiceField):
            payload[name] = [item.pk for item in value or []]
        elif value is not None:
            payload[name] = value
    payload["national_cap_per_task_krw"] = str(10**20)
    payload["announced_on"] = "0001-01-01"
    response = client.post(url, payload)
    assert response.status_code == 200  # the form again, with its errors; nothing saved
    errors = response.context["adminform"].form.errors
    assert "national_cap_per_task_krw" in errors and "announced_on" in errors
    stored = Contest.objects.get(pk=contest.pk)
    assert (stored.national_cap_per_task_krw, stored.announced_on) == (contest.national_cap_per_task_krw,
                                                                        contest.announced_on)
