"""Weights and cut-offs move from the selection policy onto the contest's stages (applications/0011 made them),
a decision's two stage scores into ``stage_scores`` keyed by stage code, and the policy gains a tie-break
order (empty: the stages from the last to the first, today's rule). Stored runs' snapshots are not touched."""
from decimal import Decimal

from django.db import migrations, models

STAGES = ("document", "presentation")


def forward(apps, schema_editor):
    SelectionPolicy = apps.get_model("selection", "SelectionPolicy")
    SelectionDecision = apps.get_model("selection", "SelectionDecision")
    ContestStage = apps.get_model("applications", "ContestStage")
    for policy in SelectionPolicy.objects.order_by("pk"):
        for code in STAGES:
            ContestStage.objects.filter(contest_id=policy.contest_id, code=code).update(
                weight_pct=getattr(policy, f"{code}_weight_pct"), cutoff=getattr(policy, f"{code}_cutoff"))
    for decision in SelectionDecision.objects.order_by("pk").iterator():
        decision.stage_scores = {code: None if getattr(decision, f"{code}_score") is None
                                 else str(getattr(decision, f"{code}_score")) for code in STAGES}
        decision.save(update_fields=["stage_scores"])


def backward(apps, schema_editor):
    SelectionPolicy = apps.get_model("selection", "SelectionPolicy")
    SelectionDecision = apps.get_model("selection", "SelectionDecision")
    ContestStage = apps.get_model("applications", "ContestStage")
    for policy in SelectionPolicy.objects.order_by("pk"):
        stages = {stage.code: stage for stage in ContestStage.objects.filter(contest_id=policy.contest_id)}
        if "document" in stages:
            policy.document_weight_pct = stages["document"].weight_pct
            policy.presentation_weight_pct = 100 - stages["document"].weight_pct
            policy.document_cutoff = stages["document"].cutoff
        if "presentation" in stages:
            policy.presentation_cutoff = stages["presentation"].cutoff
        policy.save()
    for decision in SelectionDecision.objects.order_by("pk").iterator():
        for code in STAGES:
            value = (decision.stage_scores or {}).get(code)
            setattr(decision, f"{code}_score", None if value is None else Decimal(value))
        decision.save()


class Migration(migrations.Migration):

    dependencies = [
        ('selection', '0002_decision_rank_order'),
        ('applications', '0011_contest_stages'),
    ]

    operations = [
        migrations.AddField(
            model_name='selectiondecision',
            name='stage_scores',
            field=models.JSONField(blank=True, default=dict, help_text='Per stage code: the score out of 100 (two decimals), or null.', verbose_name='stage scores'),
        ),
        migrations.AddField(
            model_name='selectionpolicy',
            name='tie_break',
            field=models.JSONField(blank=True, default=list, help_text='Stage codes, or national_request; the receipt number decides last.', verbose_name='tie-break order'),
        ),
        migrations.RunPython(forward, backward),
        migrations.RemoveConstraint(
            model_name='selectionpolicy',
            name='selection_weights_add_up',
        ),
        migrations.RemoveConstraint(
            model_name='selectionpolicy',
            name='selection_cutoffs_bounded',
        ),
        migrations.RemoveField(
            model_name='selectiondecision',
            name='document_score',
        ),
        migrations.RemoveField(
            model_name='selectiondecision',
            name='presentation_score',
        ),
        migrations.RemoveField(
            model_name='selectionpolicy',
            name='document_cutoff',
        ),
        migrations.RemoveField(
            model_name='selectionpolicy',
            name='document_weight_pct',
        ),
        migrations.RemoveField(
            model_name='selectionpolicy',
            name='presentation_cutoff',
        ),
        migrations.RemoveField(
            model_name='selectionpolicy',
            name='presentation_weight_pct',
        ),
        migrations.AlterField(
            model_name='decisionadjustment',
            name='outcome_after',
            field=models.CharField(choices=[('selected', 'Selected'), ('reserve', 'Reserve'), ('not_selected', 'Not selected'), ('below_cutoff', 'Below a cut-off'), ('not_scored', 'Not scored in every stage')], max_length=16, verbose_name='outcome after'),
        ),
        migrations.AlterField(
            model_name='decisionadjustment',
            name='outcome_before',
            field=models.CharField(choices=[('selected', 'Selected'), ('reserve', 'Reserve'), ('not_selected', 'Not selected'), ('below_cutoff', 'Below a cut-off'), ('not_scored', 'Not scored in every stage')], max_length=16, verbose_name='outcome before'),
        ),
        migrations.AlterField(
            model_name='selectiondecision',
            name='computed_outcome',
            field=models.CharField(choices=[('selected', 'Selected'), ('reserve', 'Reserve'), ('not_selected', 'Not selected'), ('below_cutoff', 'Below a cut-off'), ('not_scored', 'Not scored in every stage')], max_length=16, verbose_name='computed outcome'),
        ),
        migrations.AlterField(
            model_name='selectiondecision',
            name='outcome',
            field=models.CharField(choices=[('selected', 'Selected'), ('reserve', 'Reserve'), ('not_selected', 'Not selected'), ('below_cutoff', 'Below a cut-off'), ('not_scored', 'Not scored in every stage')], max_length=16, verbose_name='outcome'),
        ),
    ]
