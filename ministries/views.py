"""The ministries taking part and their support lines; the council adds a ministry here."""
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from core.form_flow import ServiceFormMixin
from core.permissions import DecisionRequiredMixin

from . import permissions, selectors, services
from .forms import MinistryForm


class MinistryListView(DecisionRequiredMixin, ServiceFormMixin, TemplateView):
    template_name = "ministries/ministry_list.html"
    refusals = (services.MinistryRefused,)

    def decide(self, user):
        return permissions.can_view_ministries(user)

    def get_context_data(self, **kwargs):
        can_manage = bool(permissions.can_manage_ministries(self.request.user))
        if can_manage:
            kwargs.setdefault("form", MinistryForm())
        return super().get_context_data(ministries=selectors.ministries_with_lines(), can_manage=can_manage,
                                        **kwargs)

    def post(self, request, *args, **kwargs):
        decision = permissions.can_manage_ministries(request.user)
        if not decision:
            raise PermissionDenied(decision.reason)
        form = MinistryForm(request.POST)

        def act(data):
            try:
                ministry = services.create_ministry(actor=request.user, code=data["code"], name_ko=data["name_ko"],
                                                    name_en=data["name_en"], reason=data["reason"])
            except ValidationError as error:
                raise services.MinistryRefused(" ".join(error.messages)) from error
            return _("%(ministry)s takes part from now on.") % {"ministry": ministry.name}, "ministries:list"

        return self.submit(form, act)
