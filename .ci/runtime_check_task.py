"""Run by .ci/runtime-check inside the runtime-only virtualenv (``manage.py shell < this file``): announce one
real notification through the portal's own service and wait until a separate Celery worker, consuming from
Redis, has written it and e-mailed it. Exits non-zero when the worker never delivers."""
import sys
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from accounts.roles import Role
from notifications.models import Delivery, DeliveryStatus, Notification
from notifications.services import announce

User = get_user_model()
user, _ = User.objects.get_or_create(username="runtime-check", defaults={
    "role": Role.COUNCIL_STAFF, "email": "runtime-check@example.invalid", "language": "ko"})
with transaction.atomic():  # the service enqueues on commit, as every page's write does
    announce("review.scoring_reminder", user.pk, occasion=f"runtime-check-{time.time_ns()}",
             context={"pending": 2, "due": "2026-12-01 18:00"})

deadline = time.monotonic() + 60
mail_dir = Path(settings.EMAIL_FILE_PATH)
while time.monotonic() < deadline:
    notification = Notification.objects.filter(recipient=user).order_by("-pk").first()
    emailed = notification is not None and Delivery.objects.filter(
        notification=notification, channel="email", status=DeliveryStatus.DELIVERED).exists()
    if emailed and any(mail_dir.iterdir()):
        print(f"runtime check: the worker delivered notification {notification.pk} "
              f"({notification.subject!r}) and e-mailed it")
        sys.exit(0)
    time.sleep(0.5)
print("runtime check: the worker did not deliver the notification within 60 s", file=sys.stderr)
sys.exit(1)
