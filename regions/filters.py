import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import DesignationKind, LocalGovernment, Province
from .selectors import designations_valid_on


class LocalGovernmentFilter(django_filters.FilterSet):
    """Filters of the registry list; designation kind is judged on ``valid_on`` (today by default)."""

    q = django_filters.CharFilter(label=_("Name or code"), method="filter_text")
    province = django_filters.ModelChoiceFilter(label=_("Province"), queryset=Province.objects.order_by("code"),
                                                empty_label=_("All provinces"))
    province_code = django_filters.CharFilter(label=_("Province code"), field_name="province__code",
                                              widget=django_filters.widgets.forms.HiddenInput)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=LocalGovernment.Kind.choices,
                                       empty_label=_("All kinds"))
    designation = django_filters.ChoiceFilter(label=_("Designation"), choices=DesignationKind.choices,
                                              empty_label=_("Any or none"), method="filter_designation")
    valid_on = django_filters.DateFilter(label=_("Designated on"), method="filter_noop",
                                         widget=django_filters.widgets.forms.DateInput(attrs={"type": "date"}))

    class Meta:
        model = LocalGovernment
        fields = ["q", "province", "province_code", "kind", "designation", "valid_on"]

    def filter_text(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(name_ko__icontains=value) | Q(name_en__icontains=value)
                               | Q(codes__code=value)).distinct() if value else queryset

    def filter_designation(self, queryset, name, value):
        day = self.form.cleaned_data.get("valid_on") or timezone.localdate()
        holders = designations_valid_on(day).filter(kind=value).values("local_government")
        return queryset.filter(pk__in=holders)

    def filter_noop(self, queryset, name, value):
        return queryset
