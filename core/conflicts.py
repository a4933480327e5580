"""The last answer to two writers at once: a unique-key race that no service turned into a form error (the
services do where they can, e.g. ``tracking.services.set_agreement_line``) answers 409 with a message to
reload, on pages and in the API, never a 500. The database kept its rules: the losing write was rolled back."""
import logging

from django.db import IntegrityError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


class ConflictMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, IntegrityError):
            return None
        logger.warning("Concurrent write refused by the database on %s: %s", request.path, exception)
        message = _("Someone else saved the same thing at the same moment, so this was not saved. Reload the "
                    "page to see what is there now, then try again.")
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=409)
        return render(request, "409.html", {"message": message}, status=409)
