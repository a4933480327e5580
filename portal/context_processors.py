from django.urls import Resolver404, resolve

from .navigation import items_for, shows_admin_link


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": [], "nav_admin": False}
    try:
        current = resolve(request.path_info)
        current_name = f"{current.namespace}:{current.url_name}" if current.namespace else current.url_name
    except Resolver404:
        current_name = ""
    return {
        "nav_items": [(item, item.url_name == current_name) for item in items_for(user)],
        "nav_admin": shows_admin_link(user),
    }


def kept_post(request):
    """The form this page held when the session ended (``core.kept_posts``), for forms.js to fill in again."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from core.kept_posts import take_kept_post

    found = take_kept_post(request)
    return {"kept_post": found} if found else {}
