from django.contrib.auth.decorators import login_required
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language

from core.kept_posts import keep_post
from core.middleware import SUPPORTED

from . import landing
from .health import healthz_response
from .todo import todo_for


@login_required
def home(request):
    """The landing page of the signed-in user's role."""
    role = request.user.role
    context = {**landing.BUILDERS[role](request.user), "todo": todo_for(request.user)}
    return render(request, landing.TEMPLATES[role], context)


def csrf_failure(request, reason=""):
    """The portal's own answer to a form from a page left open too long (or signed out meanwhile): what
    happened and what to do, in the user's language; the form's text is kept for its page."""
    page = keep_post(request) if request.method == "POST" else None
    return render(request, "403_csrf.html", {"kept_page": page, "signed_in": request.user.is_authenticated},
                  status=403)


@require_POST
def switch_language(request):
    """Django's set_language, plus remembering the choice on the account (for e-mail later)."""
    response = set_language(request)
    language = request.POST.get("language")
    if language in SUPPORTED and request.user.is_authenticated and request.user.language != language:
        request.user.language = language
        request.user.save(update_fields=["language"])
    return response


@require_GET
def favicon(request):
    """The portal's icon for whoever asks for ``/favicon.ico`` (the pages name the SVG themselves)."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


@require_GET
def healthz(request):
    """Liveness for the proxy and the containers: `portal.health.report` (normally answered by its middleware)."""
    return healthz_response()
