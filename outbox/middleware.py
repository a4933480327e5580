"""Tells the person who wrote something when the follow-up work it promised could not be handed to the
background worker yet: the write is saved, the work is pending and will be done when the broker returns."""
from django.contrib import messages
from django.utils.translation import gettext as _

from .services import undelivered


class PendingWorkNoticeMiddleware:
    """After ``MessageMiddleware`` in ``MIDDLEWARE``, so the notice is stored with the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = undelivered.set(0)
        try:
            response = self.get_response(request)
            if undelivered.get() and hasattr(request, "_messages"):
                messages.warning(request, _("Saved. Follow-up work (notifications, computations) is pending: "
                                            "it will be done as soon as the background worker can be reached."))
        finally:
            undelivered.reset(token)
        return response
