"""The selection's API: runs (council: start, approve, publish, confirm), objections (the applicant files
his own; the council decides) and re-reviews (the reviewer asked: pledge or conflict, then his opinion). Same
predicates and services as the pages."""
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from accounts.permissions import is_signed_in
from core.api.errors import refusals_as_400
from core.api.permissions import UserLanguageMixin, decision_permission
from core.api.serializers import ReasonSerializer, validated_data
from selection import permissions, selectors, services
from selection.models import SelectionDecision, SelectionRun

from .serializers import (
    DecideObjectionSerializer,
    FileObjectionSerializer,
    NoteSerializer,
    ObjectionSerializer,
    ReReviewOpinionSerializer,
    ReReviewSerializer,
    SelectionRunDetailSerializer,
    SelectionRunSerializer,
    StartRunSerializer,
)

CanManageSelection = decision_permission(permissions.can_manage_selection)
SignedIn = decision_permission(is_signed_in)


REFUSALS = (services.SelectionRefused,)


@extend_schema_view(list=extend_schema(tags=["selection"]), retrieve=extend_schema(tags=["selection"]))
class SelectionRunViewSet(UserLanguageMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    permission_classes = [CanManageSelection]
    filterset_fields = ["contest", "status"]
    ordering_fields = ["requested_at", "number", "id"]

    def get_queryset(self):
        queryset = SelectionRun.objects.order_by("-requested_at", "-pk")
        if self.action == "list":
            return queryset
        decisions = SelectionDecision.objects.select_related("proposal__lead_local_government")
        return queryset.prefetch_related(Prefetch("decisions", queryset=decisions))

    def get_serializer_class(self):
        return SelectionRunSerializer if self.action == "list" else SelectionRunDetailSerializer

    def _answer(self, run, code=status.HTTP_200_OK):
        return Response(SelectionRunDetailSerializer(self.get_queryset().get(pk=run.pk)).data, status=code)

    @extend_schema(tags=["selection"], request=StartRunSerializer, responses={202: SelectionRunDetailSerializer},
                   summary="Start a selection run; it is computed in the background")
    def create(self, request, *args, **kwargs):
        data = StartRunSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        with refusals_as_400(*REFUSALS):
            run = services.start_run(actor=request.user, contest=data.validated_data["contest"],
                                     reason=data.validated_data["reason"])
        return self._answer(run, status.HTTP_202_ACCEPTED)

    @extend_schema(tags=["selection"], request=NoteSerializer, responses=SelectionRunDetailSerializer,
                   summary="Approve a computed run")
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        data = NoteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        with refusals_as_400(*REFUSALS):
            run = services.approve_run(actor=request.user, run=self.get_object(), note=data.validated_data["note"])
        return self._answer(run)

    @extend_schema(tags=["selection"], request=None, responses=SelectionRunDetailSerializer,
                   summary="Publish an approved run and open the objection period")
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None):
        with refusals_as_400(*REFUSALS):
            run = services.publish_run(actor=request.user, run=self.get_object())
        return self._answer(run)

    @extend_schema(tags=["selection"], request=None, responses=SelectionRunDetailSerializer,
                   summary="Confirm a published result after the objection period")
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        with refusals_as_400(*REFUSALS):
            run = services.confirm_run(actor=request.user, run=self.get_object())
        return self._answer(run)


@extend_schema_view(list=extend_schema(tags=["selection"]), retrieve=extend_schema(tags=["selection"]))
class ObjectionViewSet(UserLanguageMixin, mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """The council reads every objection; a local government official his own local government's."""

    permission_classes = [SignedIn]
    serializer_class = ObjectionSerializer
    filterset_fields = ["status", "decision__run"]
    ordering_fields = ["filed_at", "id"]

    def get_queryset(self):
        return selectors.objections_visible_to(self.request.user).order_by("-filed_at", "-pk")

    @extend_schema(tags=["selection"], request=FileObjectionSerializer, responses={201: ObjectionSerializer},
                   summary="File an objection to a published result (files are attached on the page)")
    def create(self, request, *args, **kwargs):
        data = FileObjectionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        decision = permissions.objectable_decision(request.user, data.validated_data["decision"])
        with refusals_as_400(*REFUSALS):
            objection = services.file_objection(actor=request.user, decision=decision,
                                                reasons=data.validated_data["reasons"])
        return Response(ObjectionSerializer(objection).data, status=status.HTTP_201_CREATED)

    @extend_schema(tags=["selection"], request=DecideObjectionSerializer, responses=ObjectionSerializer,
                   summary="Decide an objection with a written answer (council)")
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None):
        allowed = permissions.can_manage_selection(request.user)
        objection = self.get_object()
        if not allowed:
            raise PermissionDenied(str(allowed.reason))
        data = DecideObjectionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        with refusals_as_400(*REFUSALS):
            objection = services.decide_objection(actor=request.user, objection=objection, accept=values["accept"],
                                                  answer=values["answer"], outcome=values.get("outcome"),
                                                  national_krw=values.get("national_krw"))
        return Response(ObjectionSerializer(objection).data)


@extend_schema_view(list=extend_schema(tags=["selection"]), retrieve=extend_schema(tags=["selection"]))
class ReReviewViewSet(UserLanguageMixin, viewsets.ReadOnlyModelViewSet):
    """The re-reviews asked of the caller (anyone else's are absent: 404). The proposal itself is read at
    ``proposals/<id>/`` while ``reads_proposal`` is true."""

    permission_classes = [SignedIn]
    serializer_class = ReReviewSerializer
    ordering_fields = ["requested_at", "id"]

    def get_queryset(self):
        return selectors.re_reviews_of(self.request.user).select_related("reviewer")

    def _answer(self, review) -> Response:
        return Response(self.get_serializer(self.get_queryset().get(pk=review.pk)).data)

    @extend_schema(tags=["selection"], request=None, responses=ReReviewSerializer,
                   summary="Sign the confidentiality pledge and confirm no conflict: the proposal opens")
    @action(detail=True, methods=["post"])
    def pledge(self, request, pk=None):
        review = self.get_object()
        with refusals_as_400(*REFUSALS):
            services.sign_re_review_pledge(actor=request.user, review=review)
        return self._answer(review)

    @extend_schema(tags=["selection"], request=ReasonSerializer, responses=ReReviewSerializer,
                   summary="Declare a conflict of interest: the re-review closes without an opinion")
    @action(detail=True, methods=["post"], url_path="declare-conflict")
    def declare_conflict(self, request, pk=None):
        review = self.get_object()
        data = validated_data(ReasonSerializer, request)
        with refusals_as_400(*REFUSALS):
            services.declare_re_review_conflict(actor=request.user, review=review, reason=data["reason"])
        return self._answer(review)

    @extend_schema(tags=["selection"], request=ReReviewOpinionSerializer, responses=ReReviewSerializer,
                   summary="Submit the opinion (after the pledge, once, while the objection is undecided)")
    @action(detail=True, methods=["post"])
    def opinion(self, request, pk=None):
        review = self.get_object()
        data = validated_data(ReReviewOpinionSerializer, request)
        with refusals_as_400(*REFUSALS):
            services.submit_re_review(actor=request.user, review=review, opinion=data["opinion"],
                                      supports_objection=data["supports_objection"])
        return self._answer(review)
