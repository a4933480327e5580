"""Django's own form words give way to the portal's: a required field, a choice not offered and a list's empty
choice read as the portal writes them (no "이 필드는 필수 항목입니다", "올바르게 선택해 주세요", "---------")."""
import pytest
from django import forms
from django.utils import translation

from accounts.models import User


class AnyForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["language"]

    owner = forms.ModelChoiceField(queryset=User.objects.all())
    kind = forms.ChoiceField(choices=[("a", "A")])


@pytest.mark.django_db
def test_required_invalid_and_empty_choice_use_the_portals_words():
    with translation.override("ko"):
        form = AnyForm(data={"kind": "zzz"})
        html = str(form["owner"])
        assert "선택하세요" in html and "---------" not in html
        assert not form.is_valid()
        assert form.errors["owner"] == ["이 항목을 입력하십시오."]
        assert form.errors["kind"] == ["목록에 있는 값을 고르십시오(받은 값: zzz)."]
        rendered = str(form.errors)
        assert "필드는" not in rendered and "올바르게 선택" not in rendered
