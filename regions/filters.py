import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import DesignationKind, LocalGovernment, Province
from .selectors import designations_valid_on, in_province_on, local_governments_by_code, local_governments_existing_on

_DATE_INPUT = django_filters.widgets.forms.DateInput(attrs={"type": "date"})


class LocalGovernmentFilter(django_filters.FilterSet):
    """Filters of the registry list and API, all judged on one day: ``on`` (or ``valid_on``), today by
    default. The list holds the local governments that existed that day, in that day's provinces; a code,
    current or earlier, finds the unit it names that day (an abolished unit's successors)."""

    q = django_filters.CharFilter(label=_("Name or code"), method="filter_text")
    code = django_filters.CharFilter(label=_("Administrative code (current or earlier)"), method="filter_code")
    province = django_filters.ModelChoiceFilter(label=_("Province"), queryset=Province.objects.order_by("code"),
                                                empty_label=_("All provinces"), method="filter_province")
    province_code = django_filters.CharFilter(label=_("Province code"), method="filter_province_code",
                                              widget=django_filters.widgets.forms.HiddenInput)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=LocalGovernment.Kind.choices,
                                       empty_label=_("All kinds"))
    designation = django_filters.ChoiceFilter(label=_("Designation"), choices=DesignationKind.choices,
                                              empty_label=_("Any or none"), method="filter_designation")
    on = django_filters.DateFilter(label=_("On"), method="filter_noop", widget=_DATE_INPUT,
                                   help_text=_("The layout and designations of this day (today if empty)."))
    valid_on = django_filters.DateFilter(label=_("Designated on"), method="filter_noop",
                                         widget=django_filters.widgets.forms.HiddenInput)

    class Meta:
        model = LocalGovernment
        fields = ["q", "code", "province", "province_code", "kind", "designation", "on", "valid_on"]

    @property
    def day(self):
        data = self.form.cleaned_data if hasattr(self.form, "cleaned_data") else {}
        return data.get("on") or data.get("valid_on") or timezone.localdate()

    def filter_queryset(self, queryset):
        existing = local_governments_existing_on(self.day).values("pk")
        return super().filter_queryset(queryset.filter(pk__in=existing))

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        named = [lg.pk for lg in local_governments_by_code(value, on=self.day)] if value.isdigit() else []
        return queryset.filter(Q(name_ko__icontains=value) | Q(name_en__icontains=value)
                               | Q(periods__name_ko__icontains=value) | Q(codes__code=value)
                               | Q(pk__in=named)).distinct()

    def filter_code(self, queryset, name, value):
        return queryset.filter(pk__in=[lg.pk for lg in local_governments_by_code(value, on=self.day)])

    def filter_province(self, queryset, name, value):
        return queryset.filter(pk__in=in_province_on(value, self.day))

    def filter_province_code(self, queryset, name, value):
        return queryset.filter(pk__in=in_province_on(Province.objects.filter(code=value).first(), self.day))

    def filter_designation(self, queryset, name, value):
        holders = designations_valid_on(self.day).filter(kind=value).values("local_government")
        return queryset.filter(pk__in=holders)

    def filter_noop(self, queryset, name, value):
        return queryset
