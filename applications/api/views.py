"""The applications API: contests (read) and proposals. Officials create, fill and submit their own; the council
requests corrections; the province confirms matching. Visibility is ``proposals_visible_to`` (another local
government's proposal is a 404) and every action asks the predicate its page asks (a 403 says why)."""
from django.http import Http404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from applications import permissions, selectors, services
from applications.models import Proposal, ProposalAttachment
from applications.selectors.proposals import PAGE_PARTS
from core.api.errors import refusals_as_400
from core.api.parsers import FormParser, JSONParser, MultiPartParser
from core.api.permissions import UserLanguageMixin, decision_permission, require
from core.api.serializers import ReasonSerializer, validated_data
from core.downloads import document_response

from . import sections
from .filters import ProposalApiFilter
from .serializers import (
    AttachmentInputSerializer,
    AttachmentSerializer,
    BudgetInputSerializer,
    CompaniesInputSerializer,
    CorrectionRequestSerializer,
    DraftConflictSerializer,
    KpiTargetsInputSerializer,
    ProposalCreateSerializer,
    ProposalDetailSerializer,
    ProposalSerializer,
    ProposalUpdateSerializer,
    ProposalVersionSerializer,
    ProvincialMatchSerializer,
    SubmittedSerializer,
    SupportRequestsInputSerializer,
)

CanViewContests = decision_permission(permissions.can_view_contests)
REFUSALS = (services.SubmissionRefused,)
TAG = ["proposals"]


def _section(input_serializer, summary: str):
    return extend_schema(tags=TAG, request=input_serializer, responses=ProposalDetailSerializer, summary=summary)


@extend_schema_view(list=extend_schema(tags=TAG), retrieve=extend_schema(tags=TAG))
class ProposalViewSet(UserLanguageMixin, viewsets.ReadOnlyModelViewSet):
    permission_classes = [CanViewContests]
    filterset_class = ProposalApiFilter
    ordering_fields = ["receipt_number", "updated_at", "title", "id"]
    parser_classes = [JSONParser, FormParser, MultiPartParser]

    def get_queryset(self):
        proposals = selectors.proposals_visible_to(self.request.user).order_by("-updated_at", "-pk")
        if self.action == "list":
            return proposals.prefetch_related("partners")
        return proposals.prefetch_related(*PAGE_PARTS)

    def get_serializer_class(self):
        return ProposalSerializer if self.action == "list" else ProposalDetailSerializer

    def _answer(self, proposal, code=status.HTTP_200_OK) -> Response:
        return Response(ProposalDetailSerializer(self.get_queryset().get(pk=proposal.pk),
                                                 context=self.get_serializer_context()).data, status=code)

    def _editable(self):
        proposal = self.get_object()
        require(permissions.can_edit_proposal(self.request.user, proposal))
        return proposal

    @extend_schema(tags=TAG, request=ProposalCreateSerializer, responses={201: ProposalDetailSerializer},
                   summary="Start a draft for the official's own local government")
    def create(self, request):
        require(permissions.can_start_proposal(request.user))
        data = validated_data(ProposalCreateSerializer, request)
        form = sections.proposal_form(data)
        with refusals_as_400(*REFUSALS):
            proposal = services.create_proposal(actor=request.user, contest=data["contest"],
                                                lead_local_government=request.user.local_government,
                                                values=form.section_values(),
                                                partners=form.cleaned_data["partner_codes"], now=timezone.now())
        return self._answer(proposal, status.HTTP_201_CREATED)

    @extend_schema(tags=TAG, request=ProposalUpdateSerializer,
                   responses={200: ProposalDetailSerializer, 409: DraftConflictSerializer},
                   summary="Save the draft's text sections and partners (written from draft_version)")
    def update(self, request, pk=None):
        proposal = self._editable()
        data = validated_data(ProposalUpdateSerializer, request)
        form = sections.proposal_form(data, instance=proposal)
        with refusals_as_400(*REFUSALS):
            try:
                services.save_section(actor=request.user, proposal=proposal, values=form.section_values(),
                                      expected_version=data.get("draft_version"),
                                      partners=form.cleaned_data["partner_codes"], now=timezone.now())
            except services.DraftConflict as conflict:  # nothing saved: both texts back, as the page shows them
                return Response({"detail": str(conflict), "fields": conflict.fields, "saved": conflict.saved,
                                 "yours": conflict.merged, "draft_version": conflict.version},
                                status=status.HTTP_409_CONFLICT)
        return self._answer(proposal)

    @_section(CompaniesInputSerializer, "Replace the participating companies")
    @action(detail=True, methods=["put"])
    def companies(self, request, pk=None):
        return self._save_section(sections.save_companies, CompaniesInputSerializer)

    @_section(BudgetInputSerializer, "Replace the budget table (cap and matching are checked at submission)")
    @action(detail=True, methods=["put"])
    def budget(self, request, pk=None):
        return self._save_section(sections.save_budget, BudgetInputSerializer)

    @_section(KpiTargetsInputSerializer, "Replace the KPI targets")
    @action(detail=True, methods=["put"], url_path="kpi-targets")
    def kpi_targets(self, request, pk=None):
        return self._save_section(sections.save_kpi_targets, KpiTargetsInputSerializer)

    @_section(SupportRequestsInputSerializer, "Replace the requests to the ministries' support lines")
    @action(detail=True, methods=["put"], url_path="support-requests")
    def support_requests(self, request, pk=None):
        return self._save_section(sections.save_support_requests, SupportRequestsInputSerializer)

    def _save_section(self, save, input_serializer) -> Response:
        proposal = self._editable()
        data = validated_data(input_serializer, self.request)
        with refusals_as_400(*REFUSALS):
            save(actor=self.request.user, proposal=proposal, data=data)
        return self._answer(proposal)

    @extend_schema(tags=TAG, methods=["GET"], responses=AttachmentSerializer(many=True),
                   summary="The proposal's current files")
    @extend_schema(tags=TAG, methods=["POST"], request={"multipart/form-data": AttachmentInputSerializer},
                   responses={201: AttachmentSerializer}, summary="Attach a file (checked by its content)")
    @action(detail=True, methods=["get", "post"], pagination_class=None, filter_backends=[])
    def attachments(self, request, pk=None):
        if request.method == "GET":
            return Response(AttachmentSerializer(self.get_object().current_attachments(), many=True).data)
        proposal = self._editable()
        data = validated_data(AttachmentInputSerializer, request)
        with refusals_as_400(*REFUSALS):
            attachment = sections.add_attachment(actor=request.user, proposal=proposal, data=data)
        return Response(AttachmentSerializer(attachment).data, status=status.HTTP_201_CREATED)

    def _attachment(self, attachment_pk) -> ProposalAttachment:
        try:
            return selectors.attachment_for_user(user=self.request.user, proposal_pk=self.kwargs["pk"],
                                                 pk=attachment_pk)
        except (Proposal.DoesNotExist, ProposalAttachment.DoesNotExist) as error:
            raise Http404 from error

    @extend_schema(tags=TAG, request=None, responses={204: None}, summary="Take a file off the draft")
    @action(detail=True, methods=["delete"], url_path=r"attachments/(?P<attachment_pk>[0-9]+)")
    def remove_attachment(self, request, pk=None, attachment_pk=None):
        self._editable()
        attachment = self._attachment(attachment_pk)
        with refusals_as_400(*REFUSALS):
            services.remove_attachment(actor=request.user, attachment=attachment, now=timezone.now())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(tags=TAG, responses={(200, "*/*"): OpenApiResponse(OpenApiTypes.BINARY)},
                   summary="Download a file, under its original name")
    @action(detail=True, methods=["get"], url_path=r"attachments/(?P<attachment_pk>[0-9]+)/download")
    def download_attachment(self, request, pk=None, attachment_pk=None):
        return document_response(self._attachment(attachment_pk))

    @extend_schema(tags=TAG, request=None, responses=SubmittedSerializer,
                   summary="Submit (or resubmit after a correction): freezes a version and gives the receipt number")
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        proposal = self.get_object()
        require(permissions.can_submit_proposal(request.user, proposal))
        with refusals_as_400(*REFUSALS):
            version = services.submit_proposal(actor=request.user, proposal=proposal)
        proposal = self.get_queryset().get(pk=proposal.pk)
        return Response(SubmittedSerializer({"receipt_number": proposal.receipt_number, "version": version,
                                             "proposal": proposal}, context=self.get_serializer_context()).data)

    @extend_schema(tags=TAG, request=ReasonSerializer, responses=ProposalDetailSerializer,
                   summary="Withdraw before the deadline, with the reason")
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        proposal = self.get_object()
        require(permissions.can_withdraw_proposal(request.user, proposal))
        data = validated_data(ReasonSerializer, request)
        with refusals_as_400(*REFUSALS):
            services.withdraw_proposal(actor=request.user, proposal=proposal, reason=data["reason"])
        return self._answer(proposal)

    @extend_schema(tags=TAG, request=CorrectionRequestSerializer, responses=ProposalDetailSerializer,
                   summary="Send a submitted proposal back for correction (council)")
    @action(detail=True, methods=["post"], url_path="request-correction")
    def request_correction(self, request, pk=None):
        proposal = self.get_object()
        require(permissions.can_request_correction(request.user))
        data = validated_data(CorrectionRequestSerializer, request)
        with refusals_as_400(*REFUSALS):
            services.request_correction(actor=request.user, proposal=proposal, reason=data["reason"],
                                        due_at=data["due_at"])
        return self._answer(proposal)

    @extend_schema(tags=TAG, request=ProvincialMatchSerializer, responses=ProposalDetailSerializer,
                   summary="Confirm the provincial matching fund (the lead's provincial officer)")
    @action(detail=True, methods=["post"], url_path="provincial-match")
    def provincial_match(self, request, pk=None):
        proposal = self.get_object()
        require(permissions.can_confirm_provincial_match(request.user, proposal))
        data = validated_data(ProvincialMatchSerializer, request)
        with refusals_as_400(*REFUSALS):
            services.confirm_provincial_match(actor=request.user, proposal=proposal, amount_krw=data["amount_krw"],
                                              note=data["note"])
        return self._answer(proposal)

    @extend_schema(tags=TAG, responses=ProposalVersionSerializer(many=True),
                   summary="The submitted versions, frozen, with their checksums")
    @action(detail=True, methods=["get"], pagination_class=None, filter_backends=[])
    def versions(self, request, pk=None):
        return Response(ProposalVersionSerializer(selectors.versions_of(self.get_object()), many=True).data)
