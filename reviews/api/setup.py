"""The council's review setup through the API: panels (create, members and chair, proposals, deadline, automatic
assignment with its shortfall report, manual assignment refused on a conflict) and the chair's sign-off. Bodies
are checked by the panel page's forms and written by the same services, audited the same."""
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from core.api.errors import refusals_as_400
from core.api.forms import validated
from core.api.permissions import UserLanguageMixin, require
from core.api.serializers import validated_data
from reviews import forms, permissions, services
from reviews.models import Panel

from .serializers import AssignmentSerializer
from .setup_serializers import (
    AssignmentReportSerializer,
    DeadlineSerializer,
    ManualAssignSerializer,
    PanelInputSerializer,
    PanelMembersSerializer,
    PanelProposalsSerializer,
    PanelSerializer,
)
from .views import CanManageReview, CanUseReviewApi

TAG = ["review setup"]
REFUSALS = (services.AssignmentRefused, services.ScoringRefused)


def _ids(values) -> list[str]:
    return [str(value) for value in values]


@extend_schema_view(list=extend_schema(tags=TAG), retrieve=extend_schema(tags=TAG))
class PanelViewSet(UserLanguageMixin, viewsets.ReadOnlyModelViewSet):
    """Council staff run panels; a panel's chair reaches his panel only to sign its results off."""

    permission_classes = [CanManageReview]
    serializer_class = PanelSerializer
    filterset_fields = ["contest", "stage"]
    ordering_fields = ["id", "name"]

    def get_queryset(self):
        panels = Panel.objects.prefetch_related("members", "proposals").order_by("contest", "stage", "name", "pk")
        if permissions.can_manage_review(self.request.user):
            return panels
        return panels.filter(chair__user_id=self.request.user.pk) if self.request.user.pk else panels.none()

    def _answer(self, panel, code=status.HTTP_200_OK) -> Response:
        return Response(PanelSerializer(self.get_queryset().get(pk=panel.pk)).data, status=code)

    @extend_schema(tags=TAG, request=PanelInputSerializer, responses={201: PanelSerializer},
                   summary="Create a panel of a contest's stage with its members and chair")
    def create(self, request):
        data = validated_data(PanelInputSerializer, request)
        contest = data["contest"]
        form = validated(forms.PanelForm({**data, "contest": contest.pk, "members": _ids(data["members"]),
                                          "chair": data.get("chair") or ""}, contest=contest))
        values = form.cleaned_data
        with refusals_as_400(*REFUSALS):
            panel = services.create_panel(actor=request.user, contest=contest, stage=values["stage"],
                                          name=values["name"], members=list(values["members"]),
                                          chair=values["chair"],
                                          reviewers_per_proposal=values["reviewers_per_proposal"])
        return self._answer(panel, status.HTTP_201_CREATED)

    @extend_schema(tags=TAG, request=PanelMembersSerializer, responses=PanelSerializer,
                   summary="Set the panel's members and chair (members still reviewing cannot leave)")
    @action(detail=True, methods=["put"])
    def members(self, request, pk=None):
        panel = self.get_object()
        data = validated_data(PanelMembersSerializer, request)
        form = validated(forms.PanelMembersForm({"members": _ids(data["members"]), "chair": data.get("chair") or ""}))
        with refusals_as_400(*REFUSALS):
            services.change_panel_members(actor=request.user, panel=panel, members=list(form.cleaned_data["members"]),
                                          chair=form.cleaned_data["chair"])
        return self._answer(panel)

    @extend_schema(tags=TAG, request=PanelProposalsSerializer, responses=PanelSerializer,
                   summary="Give submitted proposals of the contest to the panel")
    @action(detail=True, methods=["post"])
    def proposals(self, request, pk=None):
        panel = self.get_object()
        data = validated_data(PanelProposalsSerializer, request)
        form = validated(forms.AddProposalsForm({"proposals": _ids(data["proposals"])},
                                                awaiting=services.proposals_awaiting_panel(panel)))
        with refusals_as_400(*REFUSALS):
            services.add_proposals_to_panel(actor=request.user, panel=panel,
                                            proposals=list(form.cleaned_data["proposals"]))
        return self._answer(panel)

    @extend_schema(tags=TAG, request=DeadlineSerializer, responses=PanelSerializer,
                   summary="Set the scoring deadline of every active assignment of the panel")
    @action(detail=True, methods=["post"])
    def deadline(self, request, pk=None):
        panel = self.get_object()
        form = validated(forms.DeadlineForm(validated_data(DeadlineSerializer, request)))
        with refusals_as_400(*REFUSALS):
            services.set_panel_deadline(actor=request.user, panel=panel, due_at=form.cleaned_data["due_at"])
        return self._answer(panel)

    @extend_schema(tags=TAG, request=None, responses=AssignmentReportSerializer,
                   summary="Assign reviewers automatically: balanced loads, no conflict; reports proposals short")
    @action(detail=True, methods=["post"], url_path="auto-assign")
    def auto_assign(self, request, pk=None):
        panel = self.get_object()
        with refusals_as_400(*REFUSALS):
            report = services.assign_automatically(actor=request.user, panel=panel)
        shortfalls = [{"proposal": proposal, "missing": missing}
                      for proposal, missing in sorted(report.shortfalls.items())]
        return Response(AssignmentReportSerializer({"created": [row.pk for row in report.created],
                                                    "shortfalls": shortfalls, "complete": report.complete}).data)

    @extend_schema(tags=TAG, request=ManualAssignSerializer, responses={201: AssignmentSerializer},
                   summary="Assign one reviewer by hand; refused, saying why, on a conflict of interest")
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        panel = self.get_object()
        data = validated_data(ManualAssignSerializer, request)
        form = validated(forms.ManualAssignForm(_ids_of(data), panel=panel))
        with refusals_as_400(*REFUSALS):
            assignment = services.assign_reviewer(actor=request.user, panel=panel, **form.cleaned_data)
        return Response(AssignmentSerializer(assignment).data, status=status.HTTP_201_CREATED)

    @extend_schema(tags=TAG, request=None, responses=PanelSerializer,
                   summary="The chair signs the panel's results off once every sheet is in; they lock")
    @action(detail=True, methods=["post"], url_path="sign-off", permission_classes=[CanUseReviewApi])
    def sign_off(self, request, pk=None):
        panel = self.get_object()
        require(permissions.can_sign_off(request.user, panel))
        with refusals_as_400(*REFUSALS):
            services.sign_off_panel(actor=request.user, panel=panel)
        return self._answer(panel)


def _ids_of(data: dict) -> dict[str, str]:
    return {name: str(value) for name, value in data.items()}
