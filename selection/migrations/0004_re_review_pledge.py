"""A re-review asks the reviewer's confidentiality pledge and no-conflict confirmation before the proposal opens
(``ObjectionReview.status``, ``pledge_signed_at``, ``conflict_reason``).

Opinions submitted before the pledge was asked for are recorded as pledged at their submission (the reviewer
was chosen as free of conflict and his written opinion is on record; the demo's Gokseong-gun opinion among
them), so every submitted opinion stands on a pledge, as the constraint ``re_review_submitted_is_pledged``
then demands. Requests not yet answered stay to be pledged: their reviewer signs before he reads again."""
from django.conf import settings
from django.db import migrations, models
from django.db.models import F


def pledged_where_submitted(apps, schema_editor):
    apps.get_model("selection", "ObjectionReview").objects.filter(submitted_at__isnull=False).update(
        status="pledged", pledge_signed_at=F("submitted_at"))


class Migration(migrations.Migration):

    dependencies = [
        ('reviews', '0004_stage_codes_and_site_visit_places'),
        ('selection', '0003_weights_and_scores_per_stage'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='objectionreview',
            name='conflict_reason',
            field=models.TextField(blank=True, verbose_name='declared conflict'),
        ),
        migrations.AddField(
            model_name='objectionreview',
            name='pledge_signed_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='confidentiality pledge signed at'),
        ),
        migrations.AddField(
            model_name='objectionreview',
            name='status',
            field=models.CharField(choices=[('requested', 'Pledge to sign'), ('pledged', 'Pledge signed, no conflict'), ('recused', 'Recused (conflict declared)')], default='requested', max_length=16, verbose_name='status'),
        ),
        migrations.RunPython(pledged_where_submitted, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='objectionreview',
            constraint=models.CheckConstraint(condition=models.Q(('status__in', ['requested', 'pledged', 'recused'])), name='re_review_status_known'),
        ),
        migrations.AddConstraint(
            model_name='objectionreview',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'pledged'), _negated=True), ('pledge_signed_at__isnull', False), _connector='OR'), name='re_review_pledged_has_pledge'),
        ),
        migrations.AddConstraint(
            model_name='objectionreview',
            constraint=models.CheckConstraint(condition=models.Q(('submitted_at__isnull', True), ('status', 'pledged'), _connector='OR'), name='re_review_submitted_is_pledged'),
        ),
        migrations.AddConstraint(
            model_name='objectionreview',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'recused'), _negated=True), models.Q(('conflict_reason', ''), _negated=True), _connector='OR'), name='re_review_recused_has_reason'),
        ),
    ]
