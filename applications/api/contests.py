"""The contests API: every signed-in user reads contests and their announcement files; the council creates and
changes them (a change says why) and publishes or removes files. Rules are the page's ``ContestForm`` and
``ContestAttachmentForm``; writes go through the same services, audited the same."""
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from applications import permissions, services
from applications.forms import ContestAttachmentForm, ContestForm
from applications.models import Contest, ContestAttachment
from core.api.forms import validated
from core.api.permissions import UserLanguageMixin, decision_permission, require
from core.api.serializers import ReasonSerializer, validated_data
from core.downloads import document_response

from .contest_serializers import (
    ContestChangeSerializer,
    ContestFileInputSerializer,
    ContestFileSerializer,
    ContestInputSerializer,
    current_form_data,
    defaults_form_data,
    form_data,
)
from .serializers import ContestSerializer

CanViewContests = decision_permission(permissions.can_view_contests)
TAG = ["contests"]


@extend_schema_view(list=extend_schema(tags=TAG), retrieve=extend_schema(tags=TAG))
class ContestViewSet(UserLanguageMixin, viewsets.ReadOnlyModelViewSet):
    """Contests with their schedule, eligibility and money rules: public to every signed-in user."""

    permission_classes = [CanViewContests]
    serializer_class = ContestSerializer
    filterset_fields = ["year"]
    ordering_fields = ["year", "application_closes_at", "id"]
    parser_classes = [JSONParser, FormParser, MultiPartParser]
    queryset = (Contest.objects.prefetch_related("accepted_designation_kinds", "participating_ministries", "stages")
                .order_by("-year", "-application_closes_at", "pk"))

    def _answer(self, contest, code=status.HTTP_200_OK) -> Response:
        return Response(ContestSerializer(self.get_queryset().get(pk=contest.pk)).data, status=code)

    def _managed(self) -> Contest:
        contest = self.get_object()
        require(permissions.can_manage_contests(self.request.user))
        return contest

    @extend_schema(tags=TAG, request=ContestInputSerializer, responses={201: ContestSerializer},
                   summary="Create a contest (council)")
    def create(self, request):
        require(permissions.can_manage_contests(request.user))
        data = {**defaults_form_data(), **form_data(validated_data(ContestInputSerializer, request))}
        form = validated(ContestForm(data=data))
        contest = services.create_contest(actor=request.user, values=form.model_values(),
                                          kinds=form.cleaned_data["accepted_kinds"],
                                          ministries=form.cleaned_data["participating_ministries"],
                                          dates=form.review_dates())
        return self._answer(contest, status.HTTP_201_CREATED)

    @extend_schema(tags=TAG, request=ContestChangeSerializer(partial=True), responses=ContestSerializer,
                   summary="Change a contest (council): only the fields sent, with the reason for its history")
    def partial_update(self, request, pk=None):
        contest = self._managed()
        serializer = ContestChangeSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = {**current_form_data(contest), **form_data(serializer.validated_data)}
        form = validated(ContestForm(data=data, instance=contest, editing=True))
        contest = services.update_contest(actor=request.user, contest=form.instance, values=form.model_values(),
                                          kinds=form.cleaned_data["accepted_kinds"],
                                          ministries=form.cleaned_data["participating_ministries"],
                                          reason=form.cleaned_data["reason"], dates=form.review_dates())
        return self._answer(contest)

    @extend_schema(tags=TAG, methods=["GET"], responses=ContestFileSerializer(many=True),
                   summary="The contest's announcement files")
    @extend_schema(tags=TAG, methods=["POST"], request={"multipart/form-data": ContestFileInputSerializer},
                   responses={201: ContestFileSerializer},
                   summary="Publish an announcement file with the contest (council; checked by its content)")
    @action(detail=True, methods=["get", "post"], url_path="files", pagination_class=None, filter_backends=[])
    def files(self, request, pk=None):
        if request.method == "GET":
            return Response(ContestFileSerializer(self.get_object().attachments.all(), many=True).data)
        contest = self._managed()
        validated_data(ContestFileInputSerializer, request)
        form = validated(ContestAttachmentForm(request.data, request.FILES))
        attachment = services.add_contest_attachment(actor=request.user, contest=contest,
                                                     title=form.cleaned_data["title"], upload=form.checked_upload)
        return Response(ContestFileSerializer(attachment).data, status=status.HTTP_201_CREATED)

    def _file(self, file_pk) -> ContestAttachment:
        contest = self.get_object()
        try:
            return contest.attachments.get(pk=file_pk)
        except ContestAttachment.DoesNotExist as error:
            raise Http404 from error

    @extend_schema(tags=TAG, request=ReasonSerializer, responses={204: None},
                   summary="Remove an announcement file (council), with the reason for the contest's history")
    @action(detail=True, methods=["post"], url_path=r"files/(?P<file_pk>[0-9]+)/remove")
    def remove_file(self, request, pk=None, file_pk=None):
        self._managed()
        attachment = self._file(file_pk)
        reason = validated_data(ReasonSerializer, request)["reason"]
        services.remove_contest_attachment(actor=request.user, attachment=attachment, reason=reason)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(tags=TAG, responses={(200, "*/*"): OpenApiResponse(OpenApiTypes.BINARY)},
                   summary="Download an announcement file, under its original name")
    @action(detail=True, methods=["get"], url_path=r"files/(?P<file_pk>[0-9]+)/download")
    def download_file(self, request, pk=None, file_pk=None):
        return document_response(self._file(file_pk))
