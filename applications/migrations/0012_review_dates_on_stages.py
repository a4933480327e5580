"""The stage rows become the only store of the review dates: each contest's four review date columns are copied
into its document and presentation stages where the stage's date is empty (a date set on the stages page stays,
even where the column kept an older one), then the columns go. A contest with no stage rows but dates in its
columns gets the default stages first (as ``ensure_stages`` saves them: document 30 %, presentation 70 %, cut-offs
60). A stage found by its code, else the first stage of that kind."""

from decimal import Decimal

from django.db import migrations

COLUMNS = {"document": ("document_review_starts_on", "document_review_ends_on"),
           "presentation": ("presentation_review_starts_on", "presentation_review_ends_on")}
# code, Korean, English, scheduled slots (as 0011 seeded them); weight, cut-off and position of the default stage
DEFAULTS = {"document": ("서면평가", "Document review", False, 30, 1),
            "presentation": ("발표평가", "Presentation review", True, 70, 2)}


def _default_stages(apps, contest) -> None:
    StageKind = apps.get_model("applications", "StageKind")
    ContestStage = apps.get_model("applications", "ContestStage")
    for code, (name_ko, name_en, slots, weight, position) in DEFAULTS.items():
        kind, _created = StageKind.objects.get_or_create(
            code=code, defaults={"name_ko": name_ko, "name_en": name_en, "scheduled_slots": slots})
        ContestStage.objects.create(contest=contest, position=position, code=code, kind=kind, name_ko=kind.name_ko,
                                    name_en=kind.name_en, has_slots=kind.scheduled_slots, weight_pct=weight,
                                    cutoff=Decimal(60))


def _stage(stages: list, code: str):
    return next((stage for stage in stages if stage.code == code), None) \
        or next((stage for stage in stages if stage.kind.code == code), None)


def dates_to_stages(apps, schema_editor):
    Contest = apps.get_model("applications", "Contest")
    ContestStage = apps.get_model("applications", "ContestStage")
    for contest in Contest.objects.order_by("pk"):
        columns = {code: (getattr(contest, starts), getattr(contest, ends)) for code, (starts, ends) in COLUMNS.items()}
        if not any(day for pair in columns.values() for day in pair):
            continue
        stages = list(ContestStage.objects.filter(contest=contest).select_related("kind").order_by("position", "pk"))
        if not stages:
            _default_stages(apps, contest)
            stages = list(ContestStage.objects.filter(contest=contest).select_related("kind")
                          .order_by("position", "pk"))
        for code, (starts, ends) in columns.items():
            stage = _stage(stages, code)
            if stage is None:
                continue
            new_starts, new_ends = stage.starts_on or starts, stage.ends_on or ends
            if new_starts and new_ends and new_ends < new_starts:  # a stale column against the stage's own date:
                new_starts, new_ends = stage.starts_on, stage.ends_on  # the stage's stand
            if (new_starts, new_ends) != (stage.starts_on, stage.ends_on):
                ContestStage.objects.filter(pk=stage.pk).update(starts_on=new_starts, ends_on=new_ends)


def stages_to_dates(apps, schema_editor):
    """Back: the columns (added again, empty) take the document and presentation stages' dates."""
    Contest = apps.get_model("applications", "Contest")
    ContestStage = apps.get_model("applications", "ContestStage")
    for contest in Contest.objects.order_by("pk"):
        stages = list(ContestStage.objects.filter(contest=contest).select_related("kind").order_by("position", "pk"))
        values = {}
        for code, (starts, ends) in COLUMNS.items():
            stage = _stage(stages, code)
            if stage is not None:
                values.update({starts: stage.starts_on, ends: stage.ends_on})
        if values:
            Contest.objects.filter(pk=contest.pk).update(**values)


class Migration(migrations.Migration):

    dependencies = [
        ("applications", "0011_contest_stages"),
    ]

    operations = [
        migrations.RunPython(dates_to_stages, stages_to_dates),
        migrations.RemoveField(model_name="contest", name="document_review_starts_on"),
        migrations.RemoveField(model_name="contest", name="document_review_ends_on"),
        migrations.RemoveField(model_name="contest", name="presentation_review_starts_on"),
        migrations.RemoveField(model_name="contest", name="presentation_review_ends_on"),
    ]
