import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.models import User
from accounts.roles import Role
from ministries.models import Ministry
from regions.models import LocalGovernment, Province
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.usefixtures("registry")


@pytest.mark.parametrize(("role", "binding"), [
    (Role.LOCAL_OFFICIAL, {}),
    (Role.LOCAL_OFFICIAL, {"province_code": "48"}),
    (Role.PROVINCIAL_OFFICER, {"lg_code": "48870"}),
    (Role.MINISTRY_STAFF, {}),
    (Role.REVIEWER, {"ministry_code": "MOJ"}),
    (Role.COUNCIL_STAFF, {"lg_code": "48870"}),
])
def test_database_refuses_a_role_with_the_wrong_binding(role, binding):
    user = User(username="wrong", role=role,
                local_government=LocalGovernment.objects.get(code=binding["lg_code"]) if "lg_code" in binding
                else None,
                province=Province.objects.get(code=binding["province_code"]) if "province_code" in binding else None,
                ministry=Ministry.objects.get(code=binding["ministry_code"]) if "ministry_code" in binding else None)
    with pytest.raises(IntegrityError), transaction.atomic():
        user.save()


def test_createsuperuser_path_gives_the_administrator_role():
    admin = User.objects.create_superuser("root", "root@example.invalid", "a-long-password-1")
    assert admin.role == Role.ADMINISTRATOR


LANDING_MARKERS = {
    Role.LOCAL_OFFICIAL: "Gyeongsangnam-do Hamyang-gun",
    Role.PROVINCIAL_OFFICER: "Gyeongsangnam-do",
    Role.REVIEWER: "confidentiality pledge",
    Role.MINISTRY_STAFF: "Region-specific visa",
    Role.COUNCIL_STAFF: "Population-declining areas",
    Role.ADMINISTRATOR: "Accounts by role",
}


@pytest.mark.parametrize("role", Role.values)
def test_signing_in_lands_on_the_page_of_the_role(client, role):
    user = make_user(role)
    client.cookies["django_language"] = "en"
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert LANDING_MARKERS[role] in response.content.decode()


def test_local_official_sees_eligibility_with_its_reason(client):
    from tests.factories import make_contest

    make_contest()  # the 2025 round, closed: eligible then, no more applying
    client.force_login(make_user(Role.LOCAL_OFFICIAL))
    client.cookies["django_language"] = "en"
    body = client.get(reverse("home")).content.decode()
    assert "Was eligible; applications are closed" in body
    assert "Population-declining area, valid from 2021-10-19" in body


def test_council_landing_counts_current_designations(client):
    client.force_login(make_user(Role.COUNCIL_STAFF))
    response = client.get(reverse("home"))
    assert response.context["counts"]["population_declining"] == 89
    assert response.context["counts"]["interest_area"] == 18


def test_sign_out_needs_post_and_ends_the_session(client):
    client.force_login(make_user(Role.REVIEWER))
    assert client.get(reverse("logout")).status_code == 405
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


def test_password_change_keeps_the_user_signed_in(client):
    user = make_user(Role.REVIEWER)
    client.force_login(user)
    response = client.post(reverse("password_change"), {
        "old_password": PASSWORD,
        "new_password1": "another-strong-phrase-9", "new_password2": "another-strong-phrase-9",
    })
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("another-strong-phrase-9")
    assert client.get(reverse("home")).status_code == 200


def test_failed_password_change_keeps_the_form_and_says_why(client):
    client.force_login(make_user(Role.REVIEWER))
    response = client.post(reverse("password_change"), {
        "old_password": "wrong", "new_password1": "another-strong-phrase-9", "new_password2": "different-phrase-99",
    })
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"old_password", "new_password2"}


def test_login_is_locked_after_five_failures_even_with_the_right_password(client):
    user = make_user(Role.LOCAL_OFFICIAL)
    for _attempt in range(5):
        response = client.post(reverse("login"), {"username": user.username, "password": "wrong"})
    assert response.status_code == 429
    locked = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
