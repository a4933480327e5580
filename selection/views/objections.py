"""Objections: the applicant files one; the council reads it, asks for a re-review and decides; a
re-reviewer writes his opinion. Anyone else gets 404 for an objection (its existence is the applicant's)."""
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from applications.selectors.layout import in_round_layout
from core.downloads import document_response
from core.form_flow import ServiceFormMixin
from core.permissions import DecisionRequiredMixin
from reviews.forms import PledgeForm
from selection import forms, permissions, selectors, services
from selection.models import Objection, ObjectionReview, SelectionDecision
from selection.services.objections import eligible_re_reviewers


class ObjectionListView(LoginRequiredMixin, TemplateView):
    """The council's list of every objection, or an official's own local government's."""

    template_name = "selection/objection_list.html"

    def get_context_data(self, **kwargs):
        objections = selectors.objections_visible_to(self.request.user).order_by("-filed_at", "-pk")
        return super().get_context_data(objections=in_round_layout(
            objections, local_government="decision__proposal__lead_local_government", contest="decision__run__contest"),
            **kwargs)


class ObjectionCreateView(ServiceFormMixin, LoginRequiredMixin, TemplateView):
    refusals = (services.SelectionRefused,)

    template_name = "selection/objection_form.html"

    def get_decision(self) -> SelectionDecision:
        return permissions.objectable_decision(self.request.user, self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        decision = kwargs.pop("decision", None) or self.get_decision()
        kwargs.setdefault("form", forms.ObjectionForm())
        return super().get_context_data(decision=decision, run=decision.run, **kwargs)

    def post(self, request, *args, **kwargs):
        decision = self.get_decision()

        def act(data):
            objection = services.file_objection(actor=request.user, decision=decision, reasons=data["reasons"],
                                                uploads=data["files"])
            return (_("Your objection was filed. The council will answer in writing."),
                    reverse("selection:objection-detail", args=[objection.pk]))

        return self.submit(forms.ObjectionForm(request.POST, request.FILES), act, decision=decision)


class ObjectionMixin(ServiceFormMixin, LoginRequiredMixin):
    refusals = (services.SelectionRefused,)

    def get_objection(self) -> Objection:
        try:
            objection = Objection.objects.select_related(
                "decision__run__contest", "decision__proposal__lead_local_government", "filed_by",
                "decided_by").get(pk=self.kwargs["pk"])
        except Objection.DoesNotExist as error:
            raise Http404 from error
        if not permissions.can_view_objection(self.request.user, objection):
            raise Http404
        return in_round_layout([objection], local_government="decision__proposal__lead_local_government",
                               contest="decision__run__contest")[0]


class ObjectionDetailView(ObjectionMixin, TemplateView):
    template_name = "selection/objection_detail.html"

    def get_context_data(self, **kwargs):
        objection = kwargs.pop("objection", None) or self.get_objection()
        is_council = bool(permissions.can_manage_selection(self.request.user))
        context = {"objection": objection, "decision": objection.decision, "run": objection.decision.run,
                   "is_council": is_council, "attachments": list(objection.attachments.all())}
        if is_council:
            context["re_reviews"] = list(selectors.re_reviews_for(objection))
            if objection.is_open:
                eligible = eligible_re_reviewers(objection)
                kwargs.setdefault("re_review_form", forms.ReReviewRequestForm(eligible=eligible))
                kwargs.setdefault("decide_form", forms.DecideObjectionForm())
                context["can_request_re_review"] = bool(eligible)
        return super().get_context_data(**context, **kwargs)


class ObjectionCouncilAction(ObjectionDetailView):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not permissions.can_manage_selection(request.user):
            raise PermissionDenied(permissions.can_manage_selection(request.user).reason)
        return super().dispatch(request, *args, **kwargs)


class ReReviewRequestView(ObjectionCouncilAction):
    def post(self, request, *args, **kwargs):
        objection = self.get_objection()

        def act(data):
            services.request_re_review(actor=request.user, objection=objection, reviewers=list(data["reviewers"]))
            return _("The re-review was requested."), reverse("selection:objection-detail", args=[objection.pk])

        form = forms.ReReviewRequestForm(request.POST, eligible=eligible_re_reviewers(objection))
        return self.submit(form, act, form_name="re_review_form", objection=objection)


class DecideObjectionView(ObjectionCouncilAction):
    def post(self, request, *args, **kwargs):
        objection = self.get_objection()

        def act(data):
            services.decide_objection(actor=request.user, objection=objection, accept=data["verdict"] == "accept",
                                      answer=data["answer"], outcome=data["outcome"] or None,
                                      national_krw=data["national_krw"])
            return (_("The objection was decided and the applicant is being notified."),
                    reverse("selection:objection-detail", args=[objection.pk]))

        return self.submit(forms.DecideObjectionForm(request.POST), act, form_name="decide_form",
                           objection=objection)


class ObjectionFileView(ObjectionMixin, View):
    def get(self, request, *args, **kwargs):
        objection = self.get_objection()
        attachment = objection.attachments.filter(pk=kwargs["file_pk"]).first()
        if attachment is None:
            raise Http404
        return document_response(attachment)


class ReReviewListView(LoginRequiredMixin, TemplateView):
    template_name = "selection/re_review_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(re_reviews=list(selectors.re_reviews_of(self.request.user)), **kwargs)


class ReReviewView(ServiceFormMixin, DecisionRequiredMixin, TemplateView):
    """The re-reviewer's page, his own request only (404 else). First the confidentiality pledge and the
    no-conflict confirmation (or a declared conflict, which closes the request) beside what he needs to judge a
    conflict; once signed, and while the objection is undecided, the objection's reasons and files, the link to
    the proposal and his opinion (``permissions.can_read_through_re_review``). After the decision he keeps his
    own opinion on the page, and nothing of the proposal opens through it."""

    template_name = "selection/re_review.html"
    refusals = (services.SelectionRefused,)

    def decide(self, user):
        self.review = self.get_review()
        return permissions.ALLOWED

    def get_review(self) -> ObjectionReview:
        review = (selectors.re_reviews_of(self.request.user)
                  .select_related("reviewer", "objection__decision__run__contest")
                  .filter(pk=self.kwargs["pk"]).first())
        if review is None:
            raise Http404
        return in_round_layout([review], local_government="objection__decision__proposal__lead_local_government",
                               contest="objection__decision__run__contest")[0]

    def get_context_data(self, **kwargs):
        review, user = self.review, self.request.user
        objection = review.objection
        reading = permissions.can_read_through_re_review(user, review)
        context = {"review": review, "objection": objection, "decision": objection.decision, "reading": reading,
                   "can_write": bool(permissions.can_write_re_review(user, review))}
        if reading:
            context["attachments"] = list(objection.attachments.all())
            kwargs.setdefault("form", forms.ReReviewForm())
        elif permissions.can_sign_re_review_pledge(review):
            proposal = in_round_layout([objection.decision.proposal], local_government="lead_local_government",
                                       partners="partners")[0]
            context.update(proposal=proposal, partners=proposal.partners.all(),
                           companies=proposal.companies.order_by("name"))
            kwargs.setdefault("pledge_form", PledgeForm())
            kwargs.setdefault("conflict_form", forms.ReReviewConflictForm())
        return super().get_context_data(**context, **kwargs)

    @property
    def page(self) -> str:
        """The re-review's own page: where an answer goes on, and where a refusal of a pledge or a conflict is
        said (the request answered meanwhile in another tab, the objection decided), whatever it shows now."""
        return reverse("selection:re-review", args=[self.review.pk])

    def post(self, request, *args, **kwargs):
        review = self.review
        allowed = permissions.can_write_re_review(request.user, review)
        if not allowed:
            messages.error(request, str(allowed.reason))
            return redirect(self.page)

        def act(data):
            services.submit_re_review(actor=request.user, review=review, opinion=data["opinion"],
                                      supports_objection=data["supports_objection"])
            return _("Your opinion was submitted."), reverse("selection:re-review-list")

        return self.submit(forms.ReReviewForm(request.POST), act)


class ReReviewPledgeView(ReReviewView):
    def post(self, request, *args, **kwargs):
        def act(data):
            services.sign_re_review_pledge(actor=request.user, review=self.review)
            return _("Pledge signed. The proposal and the objection are open for your re-review."), self.page

        return self.submit(PledgeForm(request.POST), act, form_name="pledge_form", refused_to=self.page)


class ReReviewConflictView(ReReviewView):
    def post(self, request, *args, **kwargs):
        def act(data):
            services.declare_re_review_conflict(actor=request.user, review=self.review, reason=data["reason"])
            return (_("Your conflict was recorded and the council is told; this re-review is closed for you."),
                    self.page)

        return self.submit(forms.ReReviewConflictForm(request.POST), act, form_name="conflict_form",
                           refused_to=self.page)


class ReReviewFileView(ReReviewView):
    """An objection's file, on the terms of the proposal: pledge signed, objection undecided (403 else)."""

    def get(self, request, *args, **kwargs):
        reading = permissions.can_read_through_re_review(request.user, self.review)
        if not reading:
            raise PermissionDenied(reading.reason)
        attachment = self.review.objection.attachments.filter(pk=kwargs["file_pk"]).first()
        if attachment is None:
            raise Http404
        return document_response(attachment)
