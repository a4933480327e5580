"""Participating companies: the local government's recruitment, the public application page the
announcement points to, and the choice and follow-up of the companies."""
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from accounts.signin import AddressRateThrottle
from applications.selectors.layout import in_round_layout
from core.form_flow import ServiceFormMixin
from tracking import forms, permissions, services
from tracking.models import CompanyApplication, Recruitment

from .base import TaskActionView, TaskMixin, visible_task


class RecruitmentCreateView(TaskActionView):
    form_class = forms.RecruitmentForm
    title = gettext_lazy("Publish a company recruitment")
    intro = gettext_lazy("Companies apply on the portal's public page for the announcement during the "
                         "application period; link it from the technopark's notice.")

    def permission(self, user, task):
        return permissions.can_run_task(user, task)

    def act(self, data):
        recruitment = services.publish_recruitment(actor=self.request.user, task=self.get_task(), values=data)
        return _("The recruitment was published."), reverse("tracking:recruitment", args=[recruitment.pk])


class RecruitmentView(TaskMixin, TemplateView):
    """The applications received; the lead local government decides them after the period."""

    template_name = "tracking/recruitment.html"

    def get_recruitment(self) -> Recruitment:
        if not hasattr(self, "_recruitment"):
            recruitment = get_object_or_404(Recruitment, pk=self.kwargs["pk"])
            recruitment.task = visible_task(self.request.user, recruitment.task_id)
            self._recruitment = recruitment
        return self._recruitment

    def get_task(self):
        return self.get_recruitment().task

    def decide(self, user):
        return permissions.can_view_task(user, self.get_task())

    def get_context_data(self, **kwargs):
        recruitment = self.get_recruitment()
        return super().get_context_data(
            task=recruitment.task, recruitment=recruitment,
            applications=[(application, permissions.is_undecided_application(application),
                           permissions.is_participating(application))
                          for application in recruitment.applications.select_related("decided_by")],
            can_decide=bool(permissions.can_run_task(self.request.user, recruitment.task)),
            is_open=services.is_open(recruitment),
            public_url=self.request.build_absolute_uri(reverse("tracking:apply", args=[recruitment.pk])), **kwargs)


class ApplicationActionView(TaskActionView):
    def get_application(self) -> CompanyApplication:
        if not hasattr(self, "_application"):
            self._application = get_object_or_404(CompanyApplication.objects.select_related("recruitment"),
                                                  pk=self.kwargs["pk"])
        return self._application

    def get_task(self):
        if not hasattr(self, "_task"):
            self._task = visible_task(self.request.user, self.get_application().recruitment.task_id)
        return self._task

    def permission(self, user, task):
        return permissions.can_run_task(user, task)

    def recruitment_url(self) -> str:
        return reverse("tracking:recruitment", args=[self.get_application().recruitment_id])


class DecideApplicationView(ApplicationActionView):
    form_class = forms.DecideApplicationForm

    @property
    def title(self):
        return _("Decide the application of %(company)s") % {"company": self.get_application().company_name}

    def act(self, data):
        services.decide_application(actor=self.request.user, application=self.get_application(),
                                    select=data["select"])
        return _("The application was decided."), self.recruitment_url()


class CompanyProgressView(ApplicationActionView):
    form_class = forms.CompanyProgressForm

    @property
    def title(self):
        return _("Growth and support of %(company)s") % {"company": self.get_application().company_name}

    def form_kwargs(self):
        return {"instance": self.get_application()}

    def get_form(self, data=None, files=None):
        # A bound ModelForm writes into its instance while validating; give it a copy.
        application = CompanyApplication.objects.get(pk=self.get_application().pk)
        return self.form_class(data, files, instance=application)

    def act(self, data):
        services.update_company(actor=self.request.user, application=self.get_application(),
                                growth_stage=data["growth_stage"],
                                support_received_krw=data["support_received_krw"], reason=data["reason"])
        return _("The company's progress was saved."), self.recruitment_url()


class ApplyView(ServiceFormMixin, TemplateView):
    """Public: the announcement and, during the period, the application form. Nothing else of the task or of
    other applicants is shown."""

    template_name = "tracking/apply.html"
    refusals = (services.TrackingRefused,)

    def get_recruitment(self) -> Recruitment:
        recruitment = get_object_or_404(Recruitment.objects.select_related("task__local_government", "task__contest"),
                                        pk=self.kwargs["pk"])
        return in_round_layout([recruitment], local_government="task__local_government", contest="task__contest")[0]

    def get_context_data(self, **kwargs):
        recruitment = self.get_recruitment()
        is_open = services.is_open(recruitment)
        if is_open:
            kwargs.setdefault("form", forms.CompanyApplicationForm())
        return super().get_context_data(recruitment=recruitment, is_open=is_open, **kwargs)

    def post(self, request, *args, **kwargs):
        recruitment = self.get_recruitment()
        form = forms.CompanyApplicationForm(request.POST, recruitment=recruitment)
        throttle = AddressRateThrottle("recruit-apply")
        if not throttle.allow(request):
            form.is_valid()  # the fields' own messages too; nothing typed is lost
            form.add_error(None, _("Too many applications were sent from your address. Try again in %(minutes)d "
                                   "minutes.") % {"minutes": throttle.minutes_to_wait()})
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 429
            return response

        def act(data):
            services.apply_to_recruitment(recruitment=recruitment, values=data)
            return (_("Your application was received. The local government will contact you after the "
                      "application period."), reverse("tracking:apply", args=[recruitment.pk]))

        return self.submit(form, act)
