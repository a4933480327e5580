"""The sign-in backend: Django's, reading the signed-in user together with what the user acts for."""
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

# What every page's header names (``User.bound_to``, shown with its province for a local government): read
# with the user in the one query the session costs, instead of one or two more on every page.
BOUND_TO = ("local_government__province", "province", "ministry")


class PortalBackend(ModelBackend):
    """``ModelBackend`` whose ``get_user`` (once per request, from the session) joins ``BOUND_TO``."""

    def get_user(self, user_id):
        user_model = get_user_model()
        try:
            user = user_model._default_manager.select_related(*BOUND_TO).get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
