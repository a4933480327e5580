"""Every notification written before the channels keeps what happened to it, as deliveries: the row itself
is its in-portal delivery; an ``emailed_at`` becomes a delivered e-mail (with its attempts), an e-mail still
pending in the outbox a pending e-mail delivery whose outbox row now names ``task_send``, and an attempt
begun and never confirmed a failed e-mail delivery that says so. Reversible: the e-mail deliveries go back
into ``emailed_at`` and ``email_attempts`` and their outbox rows to ``task_email``."""
from django.db import migrations

OLD_TASK, NEW_TASK = "notifications.tasks.task_email", "notifications.tasks.task_send"
UNCONFIRMED = "An attempt to e-mail was begun before the channels and never confirmed as sent."


def forwards(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    Delivery = apps.get_model("notifications", "Delivery")
    PendingWork = apps.get_model("outbox", "PendingWork")
    waiting = {int(work.args[0]): work for work in PendingWork.objects.filter(task=OLD_TASK, done_at=None)}
    batch = []
    for notification in Notification.objects.order_by("pk").iterator(chunk_size=2000):
        batch.append(Delivery(notification_id=notification.pk, channel="in_app", status="delivered", attempts=1,
                              delivered_at=notification.created_at))
        email = {"notification_id": notification.pk, "channel": "email", "attempts": notification.email_attempts}
        if notification.emailed_at is not None:
            batch.append(Delivery(**email | {"attempts": max(notification.email_attempts, 1)},
                                  status="delivered", delivered_at=notification.emailed_at))
        elif notification.pk in waiting:
            batch.append(Delivery(**email, status="pending"))
        elif notification.email_attempts:
            batch.append(Delivery(**email, status="failed", last_error=UNCONFIRMED))
        if len(batch) >= 2000:
            Delivery.objects.bulk_create(batch)
            batch = []
    Delivery.objects.bulk_create(batch)
    pending = Delivery.objects.filter(channel="email", status="pending", notification_id__in=list(waiting))
    for delivery in pending:
        work = waiting[delivery.notification_id]
        PendingWork.objects.filter(pk=work.pk).update(task=NEW_TASK, args=[delivery.pk], key=f"send:{delivery.pk}")


def backwards(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    Delivery = apps.get_model("notifications", "Delivery")
    PendingWork = apps.get_model("outbox", "PendingWork")
    emails = {delivery.pk: delivery for delivery in Delivery.objects.filter(channel="email")}
    for delivery in emails.values():
        Notification.objects.filter(pk=delivery.notification_id).update(
            email_attempts=delivery.attempts,
            emailed_at=delivery.delivered_at if delivery.status == "delivered" else None)
    for work in PendingWork.objects.filter(task=NEW_TASK, done_at=None):
        delivery = emails.get(int(work.args[0]))
        if delivery is not None:
            PendingWork.objects.filter(pk=work.pk).update(task=OLD_TASK, args=[delivery.notification_id],
                                                          key=f"email:{delivery.notification_id}")


class Migration(migrations.Migration):

    dependencies = [
        ("notifications", "0003_deliveries"),
        ("outbox", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
