"""The portal's URLs and the floor: a small fixed page through the same middleware, no database work of
its own, which tells what the framework costs before a page does anything."""
from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as portal_urlpatterns

FLOOR_PAGE = b"<!doctype html><html lang=ko><title>floor</title><p>ok</p></html>"


def floor(request):
    return HttpResponse(FLOOR_PAGE)


urlpatterns = [path("bench/floor/", floor, name="bench-floor"), *portal_urlpatterns]
