"""The notification events of selected tasks: a year's continuation evaluation. A new event of this app is one
more ``Event`` here and its two templates under ``templates/tracking/notifications/`` (README, "Adding an audit
action or a notification event")."""
from django.urls import reverse

from applications.selectors.layout import in_round_layout
from notifications.events import Event, officials_and_province_of, register_events

register_events("tracking", [
    Event("tracking.continuation_decided", "tracking.ContinuationEvaluation", ("task__local_government",),
          lambda evaluation: officials_and_province_of(evaluation.task.local_government_id),
          lambda evaluation: reverse("tracking:task", args=[evaluation.task_id]) + "#continuation",
          prepare=lambda evaluation: in_round_layout([evaluation], local_government="task__local_government",
                                                     contest="task__contest")[0]),
])
