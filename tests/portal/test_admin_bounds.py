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


HOSTILE_FILTER_VALUES = ("1" + "0" * 20, "0001-01-01", "abc")


def _filter_names(model_admin) -> list[str]:
    """The query parameters of a changelist: search, ordering, page, each list filter's field with the lookups
    its links use, and the date hierarchy's parts."""
    names = ["q", "o", "p"]
    for entry in model_admin.list_filter:
        field = entry[0] if isinstance(entry, list | tuple) else entry
        name = field if isinstance(field, str) else getattr(field, "parameter_name", None)
        if name:
            names += [name, f"{name}__exact", f"{name}__id__exact", f"{name}__gte", f"{name}__lt"]
    if model_admin.date_hierarchy:
        names += [f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day")]
    return names


@pytest.mark.django_db
def test_every_admin_list_survives_filter_values_past_its_columns(client):
    """A filter value past what its column holds (an id past 64 bits, year 1, year 10^20) ran into the database
    as an OverflowError: a 500 on the users', sign-in attempts', schedules' and outbox's lists. It is the list
    again with Django's ``?e=1``."""
    client.force_login(make_user(Role.ADMINISTRATOR))
    problems, tried = [], 0
    for model, model_admin in admin.site._registry.items():
        url = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        for name in _filter_names(model_admin):
            for value in HOSTILE_FILTER_VALUES:
                tried += 1
                try:
                    status = client.get(url, {name: value}).status_code
                except Exception as error:  # the test client re-raises a view's exception
                    status = f"{type(error).__name__}: {error}"[:120]
                if not isinstance(status, int) or status >= 500:
                    problems.append(f"{url}?{name}={value[:20]}: {status}")
    assert tried > 300
    assert problems == []
    response = client.get("/admin/accounts/user/", {"province": "1" + "0" * 20})
    if response.status_code == 200:  # PostgreSQL: Django finds no row for an id past the column's range
        assert response.context_data["cl"].result_count == 0
    else:  # SQLite: the value cannot be bound, and the list is answered again with ?e=1
        assert response.status_code == 302 and response["Location"].endswith("?e=1")
