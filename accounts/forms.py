from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PortalLoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The username or password is not correct. After five failed attempts the "
                           "account is locked for fifteen minutes."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # what Korean sign-in pages call it (아이디), not the model's "user name"
        self.fields["username"].label = pgettext_lazy("sign-in field", "ID")
