"""A contest's evaluation stages become rows, their kinds too: the three kinds Korean programmes use are
seeded, and every contest gets the two stages it had (document review 30 %, presentation review 70 %, cut-offs
60: the selection policy's defaults; selection/0003 copies a saved policy's values in) with its review dates."""

from decimal import Decimal

import django.db.models.deletion
from django.db import migrations, models

KINDS = [
    # code, Korean, English, scheduled slots, where slots happen
    ("document", "서면평가", "Document review", False, "room"),
    ("presentation", "발표평가", "Presentation review", True, "room"),
    ("site_visit", "현장평가", "Site visit", True, "place"),
]


def stages_from_columns(apps, schema_editor):
    StageKind = apps.get_model("applications", "StageKind")
    ContestStage = apps.get_model("applications", "ContestStage")
    Contest = apps.get_model("applications", "Contest")
    kinds = {}
    for code, name_ko, name_en, slots, location in KINDS:
        kinds[code] = StageKind.objects.create(code=code, name_ko=name_ko, name_en=name_en, scheduled_slots=slots,
                                               slot_location=location)
    for contest in Contest.objects.order_by("pk"):
        ContestStage.objects.bulk_create([
            ContestStage(contest=contest, position=1, code="document", kind=kinds["document"], name_ko="서면평가",
                         name_en="Document review", starts_on=contest.document_review_starts_on,
                         ends_on=contest.document_review_ends_on, has_slots=False, weight_pct=30,
                         cutoff=Decimal(60)),
            ContestStage(contest=contest, position=2, code="presentation", kind=kinds["presentation"],
                         name_ko="발표평가", name_en="Presentation review",
                         starts_on=contest.presentation_review_starts_on,
                         ends_on=contest.presentation_review_ends_on, has_slots=True, weight_pct=70,
                         cutoff=Decimal(60)),
        ])


def columns_from_stages(apps, schema_editor):
    """Back: nothing to undo (the contest keeps its date columns); the tables go with the models."""


class Migration(migrations.Migration):

    dependencies = [
        ('applications', '0010_support_request_fixed_fields_removed'),
    ]

    operations = [
        migrations.CreateModel(
            name='StageKind',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name_ko', models.CharField(max_length=100, verbose_name='name (Korean)')),
                ('name_en', models.CharField(max_length=150, verbose_name='name (English)')),
                ('code', models.SlugField(max_length=40, unique=True, verbose_name='code')),
                ('scheduled_slots', models.BooleanField(default=False, help_text='Whether proposals are given a time (and a room or place).', verbose_name='scheduled slots')),
                ('slot_location', models.CharField(choices=[('room', 'A room (or an online link)'), ('place', 'A place to visit')], default='room', max_length=8, verbose_name='slots happen in')),
            ],
            options={
                'verbose_name': 'evaluation stage kind',
                'verbose_name_plural': 'evaluation stage kinds',
                'ordering': ['pk'],
                'constraints': [models.CheckConstraint(condition=models.Q(('slot_location__in', ['room', 'place'])), name='stage_kind_slot_location_known')],
            },
        ),
        migrations.CreateModel(
            name='ContestStage',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name_ko', models.CharField(max_length=100, verbose_name='name (Korean)')),
                ('name_en', models.CharField(max_length=150, verbose_name='name (English)')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                ('code', models.SlugField(max_length=16, verbose_name='code')),
                ('starts_on', models.DateField(blank=True, null=True, verbose_name='starts on')),
                ('ends_on', models.DateField(blank=True, null=True, verbose_name='ends on')),
                ('has_slots', models.BooleanField(default=False, verbose_name='scheduled slots')),
                ('weight_pct', models.PositiveSmallIntegerField(default=0, verbose_name='weight (%)')),
                ('cutoff', models.DecimalField(decimal_places=2, default=Decimal('60'), help_text='Out of 100. A proposal below it in this stage is not selected.', max_digits=5, verbose_name='cut-off')),
                ('contest', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='stages', to='applications.contest', verbose_name='contest')),
                ('kind', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='stages', to='applications.stagekind', verbose_name='kind')),
            ],
            options={
                'verbose_name': 'evaluation stage',
                'verbose_name_plural': 'evaluation stages',
                'ordering': ['contest', 'position', 'pk'],
                'constraints': [models.UniqueConstraint(fields=('contest', 'code'), name='contest_stage_code_unique'), models.CheckConstraint(condition=models.Q(('weight_pct__lte', 100)), name='contest_stage_weight_bounded'), models.CheckConstraint(condition=models.Q(('cutoff__gte', 0), ('cutoff__lte', 100)), name='contest_stage_cutoff_bounded'), models.CheckConstraint(condition=models.Q(('starts_on__isnull', True), ('ends_on__isnull', True), ('ends_on__gte', models.F('starts_on')), _connector='OR'), name='contest_stage_dates_ordered')],
            },
        ),
        migrations.RunPython(stages_from_columns, columns_from_stages),
    ]
