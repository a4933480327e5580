"""Panels, rubrics and proposals under review name their stage by the contest's stage code (any code, not two
choices); a slot may be at a place (a site visit's address) instead of a room or an online link."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('applications', '0011_contest_stages'),
        ('reviews', '0003_panel_accepts_late_sheets'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='panel',
            name='panel_stage_known',
        ),
        migrations.RemoveConstraint(
            model_name='presentationslot',
            name='slot_has_place',
        ),
        migrations.AddField(
            model_name='presentationslot',
            name='place',
            field=models.CharField(blank=True, help_text="Where the panel visits (a site visit's address).", max_length=300, verbose_name='place'),
        ),
        migrations.AlterField(
            model_name='panel',
            name='stage',
            field=models.SlugField(help_text="The code of one of the contest's stages.", max_length=16, verbose_name='stage'),
        ),
        migrations.AlterField(
            model_name='panelproposal',
            name='stage',
            field=models.SlugField(max_length=16, verbose_name='stage'),
        ),
        migrations.AlterField(
            model_name='rubric',
            name='stage',
            field=models.SlugField(help_text="The code of one of the contest's stages.", max_length=16, verbose_name='stage'),
        ),
        migrations.AddConstraint(
            model_name='presentationslot',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('room', ''), _negated=True), models.Q(('online_link', ''), _negated=True), models.Q(('place', ''), _negated=True), _connector='OR'), name='slot_has_place'),
        ),
    ]
