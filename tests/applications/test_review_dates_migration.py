"""The contest's four review date columns move onto its stage rows, which become their only store: a contest
with dates in the columns ends with the same dates on its document and presentation stages (its default stages
made when it had none), and a date set on the stages page that differs from a stale column keeps the stage's."""
from datetime import date, datetime

import pytest

from applications.models import SEOUL, ContestStage
from tests.migrations import latest, migrate_to

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.migration,
              pytest.mark.usefixtures("registry", "english")]

OLD = [("applications", "0011_contest_stages")]
COLUMNS = {"document_review_starts_on": date(2025, 10, 23), "document_review_ends_on": date(2025, 10, 31),
           "presentation_review_starts_on": date(2025, 11, 10), "presentation_review_ends_on": date(2025, 11, 12)}


def _contest(old, name: str, **columns):
    return old.get_model("applications", "Contest").objects.create(
        name_ko=name, name_en=name, year=2025, application_opens_at=datetime(2025, 10, 1, 9, tzinfo=SEOUL),
        application_closes_at=datetime(2025, 10, 20, 18, tzinfo=SEOUL), national_cap_per_task_krw=1_000_000_000,
        **columns)


def _stage(old, contest, code: str, position: int, **values):
    kind = old.get_model("applications", "StageKind").objects.get(code=code)
    return old.get_model("applications", "ContestStage").objects.create(
        contest=contest, code=code, kind=kind, position=position, name_ko=kind.name_ko, name_en=kind.name_en,
        weight_pct=30 if code == "document" else 70, **values)


def _dates(contest_id: int) -> list[tuple]:
    return [(stage.code, stage.position, stage.weight_pct, stage.starts_on, stage.ends_on)
            for stage in ContestStage.objects.filter(contest_id=contest_id).order_by("position")]


def test_the_columns_dates_move_onto_the_stages_and_a_date_set_on_the_stages_page_stays():
    old = migrate_to(OLD)
    try:
        without_stages = _contest(old, "단계 없는 공모", **COLUMNS)
        undated = _contest(old, "단계 날짜 없는 공모", **COLUMNS)
        _stage(old, undated, "document", 1)
        _stage(old, undated, "presentation", 2)
        moved = _contest(old, "단계에서 바꾼 공모", **COLUMNS)  # the stages page moved both reviews later
        _stage(old, moved, "document", 1, starts_on=date(2025, 11, 3))
        _stage(old, moved, "presentation", 2, starts_on=date(2025, 11, 17), ends_on=date(2025, 11, 19))
        no_dates = _contest(old, "날짜 없는 공모")
    finally:
        migrate_to(latest())

    assert _dates(without_stages.pk) == [("document", 1, 30, date(2025, 10, 23), date(2025, 10, 31)),
                                         ("presentation", 2, 70, date(2025, 11, 10), date(2025, 11, 12))]
    assert _dates(undated.pk) == _dates(without_stages.pk)
    # the stage's start stands; the column's end (before it) is not copied onto it
    assert _dates(moved.pk) == [("document", 1, 30, date(2025, 11, 3), None),
                                ("presentation", 2, 70, date(2025, 11, 17), date(2025, 11, 19))]
    assert _dates(no_dates.pk) == []


def test_going_back_gives_the_columns_the_stages_dates():
    old = migrate_to(OLD)
    try:
        contest = _contest(old, "되돌릴 공모", **COLUMNS)
        _stage(old, contest, "document", 1, starts_on=date(2025, 10, 24))
        _stage(old, contest, "presentation", 2)
        migrate_to(latest())
        back = migrate_to(OLD).get_model("applications", "Contest").objects.get(pk=contest.pk)
        assert {name: getattr(back, name) for name in COLUMNS} == {**COLUMNS,
                                                                   "document_review_starts_on": date(2025, 10, 24)}
    finally:
        migrate_to(latest())
