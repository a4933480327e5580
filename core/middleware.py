"""Language selection: Korean unless the user chose otherwise.

Django's LocaleMiddleware also follows the browser's Accept-Language header; the
portal must open in Korean on any browser, so only an explicit choice counts:
the language cookie set by the switch, then the signed-in user's preference.
"""
from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

SUPPORTED = {code for code, _name in settings.LANGUAGES}


def chosen_language(request) -> str:
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie in SUPPORTED:
        return cookie
    user = getattr(request, "user", None)
    preferred = getattr(user, "language", None) if user is not None and user.is_authenticated else None
    if preferred in SUPPORTED:
        return preferred
    return settings.LANGUAGE_CODE


class PortalLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        translation.activate(chosen_language(request))
        request.LANGUAGE_CODE = translation.get_language()
