from .selectors import unread_count


def unread_notifications(request):
    """The unread count in the navigation: one query per page, only for signed-in users."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": unread_count(user)}
