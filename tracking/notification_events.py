"""The notification events of selected tasks: a year's continuation evaluation. A new event of this app is one
more ``Event`` here and its two templates under ``templates/tracking/notifications/`` (README, "Adding an audit
action or a notification event")."""
from django.urls import reverse

from notifications.events import Event, officials_and_province_of, register_events

register_events("tracking", [
    Event("tracking.continuation_decided", "tracking.ContinuationEvaluation", ("task__local_government",),
          lambda evaluation: officials_and_province_of(evaluation.task.local_government_id),
          lambda evaluation: reverse("tracking:task", args=[evaluation.task_id]) + "#continuation"),
])
