"""Reads of the region registry, eligibility above all.

Eligibility is a query over designations valid on a date, never a stored flag:
the same question asked about another date gives that date's answer.
"""
from collections.abc import Iterable
from datetime import date

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from .models import AdministrativeCode, Designation, DesignationImport, DesignationKind, LocalGovernment, Province


def designations_valid_on(day: date) -> QuerySet[Designation]:
    return Designation.objects.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day), valid_from__lte=day)


def local_governments_existing_on(day: date) -> QuerySet[LocalGovernment]:
    return LocalGovernment.objects.filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=day), Q(valid_to__isnull=True) | Q(valid_to__gte=day)
    )


def eligible_local_governments(*, kinds: Iterable[str], on: date) -> QuerySet[LocalGovernment]:
    """Local governments holding a designation of one of ``kinds`` valid on ``on``."""
    qualifying = designations_valid_on(on).filter(kind__in=list(kinds), local_government=OuterRef("pk"))
    return local_governments_existing_on(on).filter(Exists(qualifying))


def eligibility_reasons(*, local_government: LocalGovernment, kinds: Iterable[str], on: date) -> list[Designation]:
    """The designations that make ``local_government`` eligible on ``on`` (empty when it is not)."""
    return list(designations_valid_on(on).filter(local_government=local_government, kind__in=list(kinds))
                .order_by("kind", "valid_from"))


def local_government_by_code(code: str) -> LocalGovernment | None:
    """Find a local government by its current or any earlier administrative code."""
    found = (AdministrativeCode.objects.select_related("local_government__province")
             .filter(code=code.strip()).first())
    return found.local_government if found else None


def local_governments_for_registry() -> QuerySet[LocalGovernment]:
    """The registry list: every row carries its province and designations in a fixed number of queries."""
    return (LocalGovernment.objects.select_related("province")
            .prefetch_related(Prefetch("designations", queryset=Designation.objects.order_by("kind", "valid_from")))
            .order_by("code"))


def local_government_detail(pk: int) -> LocalGovernment:
    return (LocalGovernment.objects.select_related("province")
            .prefetch_related("codes", Prefetch("designations",
                                                queryset=Designation.objects.select_related("imported_in")
                                                .order_by("kind", "valid_from")))
            .get(pk=pk))


def provinces_with_counts(*, on: date) -> QuerySet[Province]:
    """Provinces with how many of their local governments exist and are designated, by kind, on ``on``."""
    valid = Q(local_governments__designations__valid_from__lte=on) & (
        Q(local_governments__designations__valid_to__isnull=True)
        | Q(local_governments__designations__valid_to__gte=on))
    annotations = {
        f"{kind}_count": Count("local_governments", distinct=True,
                               filter=valid & Q(local_governments__designations__kind=kind))
        for kind in DesignationKind.values
    }
    return Province.objects.annotate(local_government_count=Count("local_governments", distinct=True),
                                     designated_count=Count("local_governments", distinct=True, filter=valid),
                                     **annotations).order_by("code")


def designation_counts(*, on: date) -> dict[str, int]:
    """Distinct local governments per designation kind valid on ``on``."""
    rows = (designations_valid_on(on).values("kind")
            .annotate(total=Count("local_government", distinct=True)).order_by())
    counts = dict.fromkeys(DesignationKind.values, 0)
    counts.update({row["kind"]: row["total"] for row in rows})
    return counts


def recent_designation_imports(limit: int = 10) -> QuerySet[DesignationImport]:
    return DesignationImport.objects.select_related("imported_by")[:limit]
