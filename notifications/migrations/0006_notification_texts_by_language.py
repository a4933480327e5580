"""Notifications carry their text in every language (``Notification.texts``). A row written before holds
its text in its recipient's language only: that text becomes its version in that language, and the other
languages read it too (``Notification.text_in``), since today's data may no longer say what it said."""
from django.db import migrations, models


def keep_written_text_as_recipients_language(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    batch = []
    rows = Notification.objects.filter(texts={}).select_related("recipient").only(
        "subject", "body", "texts", "recipient__language")
    for notification in rows.iterator(chunk_size=2000):
        language = (notification.recipient.language or "ko").split("-")[0]
        notification.texts = {language: {"subject": notification.subject, "body": notification.body}}
        batch.append(notification)
        if len(batch) >= 2000:
            Notification.objects.bulk_update(batch, ["texts"])
            batch = []
    Notification.objects.bulk_update(batch, ["texts"])


class Migration(migrations.Migration):

    dependencies = [
        ('notifications', '0005_remove_notification_emailed_at'),
    ]

    operations = [
        migrations.AddField(
            model_name='notification',
            name='texts',
            field=models.JSONField(blank=True, default=dict, help_text='The subject and message in each language, as rendered when written.', verbose_name='text by language'),
        ),
        migrations.RunPython(keep_written_text_as_recipients_language, migrations.RunPython.noop),
    ]
