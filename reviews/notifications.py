"""Messages of the review to the council. Each is written in its recipient's language from a template."""
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from accounts.roles import Role

from .models import Assignment


def council_recipients():
    return (get_user_model().objects.filter(role__in=[Role.COUNCIL_STAFF], is_active=True).exclude(email="")
            .order_by("pk"))


def notify_council_of_recusal(assignment_id: int) -> int:
    """Tell every council clerk that a reviewer withdrew from a proposal and it needs another reviewer.
    Returns the number of messages sent."""
    assignment = Assignment.objects.select_related("reviewer__user", "proposal", "panel").get(pk=assignment_id)
    panel_url = settings.PORTAL_BASE_URL + reverse("reviews:panel-detail", args=[assignment.panel_id])
    sent = 0
    for clerk in council_recipients():
        with translation.override(clerk.language or "ko"):
            context = {"assignment": assignment, "clerk": clerk, "panel_url": panel_url}
            subject = render_to_string("reviews/email/recusal_subject.txt", context).strip()
            body = render_to_string("reviews/email/recusal_body.txt", context)
        sent += send_mail(subject, body, None, [clerk.email])
    return sent


def enqueue_recusal_notice(assignment: Assignment) -> None:
    """After the recusal commits, never from inside the request's transaction."""
    from .tasks import task_notify_council_of_recusal

    transaction.on_commit(lambda: task_notify_council_of_recusal.delay(assignment.pk))
