"""The reviewer's pages: his assignments, the pledge or a conflict, and the score sheet beside the proposal."""
from django.contrib import messages
from django.db.models import F
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from applications import selectors as proposal_selectors
from applications.selectors.layout import in_round_layout
from core.autosave import is_autosave, not_saved_answer, saved_answer
from core.permissions import DecisionRequiredMixin
from reviews import permissions, selectors, services
from reviews.forms import ConflictForm, PledgeForm, ScoreSheetForm
from reviews.models import Assignment, AssignmentStatus


class ReviewerMixin(DecisionRequiredMixin):
    def decide(self, user):
        return permissions.can_review(user)

    def get_assignment(self) -> Assignment:
        """The reviewer's own assignment, or 404 (another reviewer's is as absent as a missing one)."""
        try:
            return selectors.assignment_for_reviewer(user=self.request.user, pk=self.kwargs["pk"])
        except Assignment.DoesNotExist as error:
            raise Http404 from error


class AssignmentListView(ReviewerMixin, ListView):
    """A reviewer keeps his assignments of every year: a page at a time, the latest contest first. "Latest" is by
    the contest's dates (its eligibility date, the application deadline), not its ``year`` field: a March
    pre-selection and the November round of one year hold the same year, and the November one is the later."""

    template_name = "reviews/assignment_list.html"
    context_object_name = "assignments"
    paginate_by = 50

    def get_queryset(self):
        return selectors.assignments_of(self.request.user).order_by(
            # Undated assignments last on SQLite and PostgreSQL alike (they sort NULL at opposite ends).
            "-panel__contest__application_closes_at", "panel__contest", F("due_at").asc(nulls_last=True), "panel",
            "proposal__receipt_number", "pk")

    def get_context_data(self, **kwargs):
        user = self.request.user
        panels = list(selectors.chaired_panels(user))
        for panel in panels:  # the results open once his own sheets are in: the link is offered only then
            panel.results_decision = permissions.can_view_results(user, panel)
        context = super().get_context_data(chaired_panels=panels, **kwargs)
        # Each proposal's local government as in its round's layout (issue 20), whatever the years listed.
        context["assignments"] = in_round_layout(context["assignments"],
                                                 local_government="proposal__lead_local_government",
                                                 contest="panel__contest", codes=False)
        return context


class AssignmentDetailView(ReviewerMixin, TemplateView):
    """Before the pledge: what the reviewer needs to know to judge a conflict, the pledge and the conflict
    form. After: the proposal and the score sheet side by side."""

    template_name = "reviews/assignment_detail.html"

    def get_context_data(self, **kwargs):
        assignment = kwargs.pop("assignment", None) or self.get_assignment()
        context = {"assignment": assignment, "panel": assignment.panel,
                   "can_open": permissions.can_open_proposal(assignment)}
        if assignment.status == AssignmentStatus.ASSIGNED:
            proposal = in_round_layout([assignment.proposal], local_government="lead_local_government",
                                       partners="partners")[0]
            context["proposal"] = proposal
            context["companies"] = proposal.companies.order_by("name")
            context["partners"] = proposal.partners.all()
            kwargs.setdefault("pledge_form", PledgeForm())
            kwargs.setdefault("conflict_form", ConflictForm())
        else:
            proposal = in_round_layout([proposal_selectors.proposal_for_user(user=self.request.user,
                                                                             pk=assignment.proposal_id)],
                                       local_government="lead_local_government", partners="partners")[0]
            sheet = getattr(assignment, "sheet", None)
            can_edit = permissions.can_edit_sheet(assignment)
            context.update(proposal_selectors.proposal_reading(proposal))
            context.update(proposal=proposal, sheet=sheet, can_edit_sheet=can_edit,
                           history=selectors.sheet_history(sheet), criteria=selectors.criteria_of(assignment.panel),
                           slots=[slot for slot in proposal.presentation_slots.all()
                                  if slot.panel_id == assignment.panel_id])
            if can_edit:
                kwargs.setdefault("sheet_form", ScoreSheetForm(criteria=context["criteria"], sheet=sheet))
            else:
                scores = {score.criterion_id: score for score in sheet.scores.all()} if sheet else {}
                context["score_rows"] = [(criterion, scores.get(criterion.pk)) for criterion in context["criteria"]]
        return super().get_context_data(**context, **kwargs)


class PledgeView(AssignmentDetailView):
    def post(self, request, *args, **kwargs):
        assignment = self.get_assignment()
        form = PledgeForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(assignment=assignment, pledge_form=form))
        try:
            services.sign_pledge(actor=request.user, assignment=assignment)
        except services.AssignmentRefused as refused:
            messages.error(request, str(refused))
            return redirect("reviews:assignment-list")
        messages.success(request, _("Pledge signed. The proposal is open for your review."))
        return redirect("reviews:assignment-detail", pk=assignment.pk)


class ConflictView(AssignmentDetailView):
    def post(self, request, *args, **kwargs):
        assignment = self.get_assignment()
        form = ConflictForm(request.POST)
        if form.is_valid():
            try:
                services.declare_conflict(actor=request.user, assignment=assignment,
                                          reason=form.cleaned_data["reason"])
            except services.AssignmentRefused as refused:
                form.add_error("reason", str(refused))
            else:
                messages.success(request, _("Your conflict was recorded; the council will assign someone else."))
                return redirect("reviews:assignment-list")
        return self.render_to_response(self.get_context_data(assignment=assignment, conflict_form=form))


class SheetView(AssignmentDetailView):
    """Save the draft or submit. A refused form comes back with what was typed and the reasons beside it."""

    def post(self, request, *args, **kwargs):
        assignment = self.get_assignment()
        decision = permissions.can_edit_sheet(assignment)
        if not decision:
            messages.error(request, str(decision.reason))
            return redirect("reviews:assignment-detail", pk=assignment.pk)
        autosave = is_autosave(request)  # a draft saved in the background never submits
        submitting = not autosave and request.POST.get("action") == ScoreSheetForm.SUBMIT
        form = ScoreSheetForm(request.POST, criteria=selectors.criteria_of(assignment.panel),
                              sheet=getattr(assignment, "sheet", None), submitting=submitting)
        if form.is_valid():
            try:
                services.save_sheet(actor=request.user, assignment=assignment, points=form.points(),
                                    comments=form.comments(), overall_comment=form.cleaned_data["overall_comment"])
                if submitting:
                    services.submit_sheet(actor=request.user, assignment=assignment)
            except services.ScoringRefused as refused:
                if autosave:
                    return not_saved_answer(str(refused))
                form.add_error(None, str(refused))
            else:
                if autosave:
                    return saved_answer()
                messages.success(request, _("The score sheet was submitted.") if submitting
                                 else _("The draft was saved."))
                return redirect("reviews:assignment-detail", pk=assignment.pk)
        if autosave:
            return not_saved_answer()
        return self.render_to_response(self.get_context_data(assignment=assignment, sheet_form=form))
