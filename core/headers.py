"""Answers to signed-in readers are not kept by browsers or shared caches: ``Cache-Control: private,
no-store``. It sits outside ``core.page_cache`` (which keeps rendered pages server-side and would not keep
a ``no-store`` answer), so kept and freshly rendered pages both carry it. Downloads say so themselves
(``core.downloads``). The Content-Security-Policy is django-csp's (``CONTENT_SECURITY_POLICY``)."""
from django.utils.cache import patch_cache_control


class PrivateCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)  # an API token's user too: DRF sets it on the request it wraps
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
