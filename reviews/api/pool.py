"""The reviewer pool and the rubrics through the API (council). The pool's body is the pool page's form; a rubric
is checked by ``RubricForm`` and ``CriterionFormSet`` and changes only until it is frozen
(``permissions.can_change_rubric``: once reviewers have started scoring against it)."""
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from core.api.errors import refusals_as_400
from core.api.forms import formset_payload, validated, validated_formset
from core.api.permissions import UserLanguageMixin, require
from core.api.serializers import validated_data
from reviews import forms, permissions, services
from reviews.models import Reviewer, Rubric
from reviews.services.panels import REVIEWER_FIELDS

from .setup_serializers import (
    ReviewerChangeSerializer,
    ReviewerInputSerializer,
    ReviewerSerializer,
    RubricChangeSerializer,
    RubricInputSerializer,
    RubricSerializer,
)
from .views import CanManageReview

TAG = ["review setup"]
REFUSALS = (services.AssignmentRefused,)


def _form_values(data: dict) -> dict:
    return {name: ("" if value is None else value) for name, value in data.items()}


@extend_schema_view(list=extend_schema(tags=TAG), retrieve=extend_schema(tags=TAG))
class ReviewerPoolViewSet(UserLanguageMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin,
                          viewsets.ReadOnlyModelViewSet):
    permission_classes = [CanManageReview]
    serializer_class = ReviewerSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]
    ordering_fields = ["id"]
    queryset = Reviewer.objects.select_related("user", "home_local_government", "home_province").order_by("pk")

    @extend_schema(tags=TAG, request=ReviewerInputSerializer, responses={201: ReviewerSerializer},
                   summary="Put a reviewer account into the pool with its affiliation and home region")
    def create(self, request, *args, **kwargs):
        data = validated_data(ReviewerInputSerializer, request)
        form = validated(forms.ReviewerProfileForm(_form_values(data)))
        reviewer = services.add_reviewer_to_pool(actor=request.user, reviewer=form.save(commit=False))
        return Response(ReviewerSerializer(self.get_queryset().get(pk=reviewer.pk)).data,
                        status=status.HTTP_201_CREATED)

    @extend_schema(tags=TAG, request=ReviewerChangeSerializer, responses=ReviewerSerializer,
                   summary="Change a pool member's affiliation, home region or fields (conflicts follow)")
    def partial_update(self, request, *args, **kwargs):
        reviewer = self.get_object()
        serializer = ReviewerChangeSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        current = {name: getattr(reviewer, f"{name}_id" if name.startswith("home_") else name)
                   for name in REVIEWER_FIELDS}
        form = forms.ReviewerProfileForm(_form_values({**current, **serializer.validated_data}), instance=reviewer)
        del form.fields["user"]
        validated(form)
        services.update_reviewer(actor=request.user, reviewer=reviewer,
                                 values={name: form.cleaned_data[name] for name in REVIEWER_FIELDS})
        return Response(ReviewerSerializer(self.get_queryset().get(pk=reviewer.pk)).data)


def _checked_rubric(data: dict) -> tuple[forms.RubricForm, list[dict]]:
    form = validated(forms.RubricForm({"trim_min_sheets": data["trim_min_sheets"], "pass_mark": data["pass_mark"]}))
    rows = [_form_values(row) for row in data["criteria"]]
    formset = validated_formset(forms.CriterionFormSet(formset_payload("criteria", rows), prefix="criteria"),
                                "criteria")
    return form, formset.criteria()


@extend_schema_view(list=extend_schema(tags=TAG), retrieve=extend_schema(tags=TAG))
class RubricViewSet(UserLanguageMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin,
                    viewsets.ReadOnlyModelViewSet):
    permission_classes = [CanManageReview]
    serializer_class = RubricSerializer
    http_method_names = ["get", "post", "put", "head", "options"]
    filterset_fields = ["contest", "stage"]
    ordering_fields = ["id"]
    queryset = permissions.with_submissions(
        Rubric.objects.prefetch_related("criteria").order_by("contest", "stage", "pk"))

    def _answer(self, rubric, code=status.HTTP_200_OK) -> Response:
        return Response(RubricSerializer(self.get_queryset().get(pk=rubric.pk)).data, status=code)

    @extend_schema(tags=TAG, request=RubricInputSerializer, responses={201: RubricSerializer},
                   summary="Set a contest's stage's rubric: criteria with maximum points, trimming, pass mark")
    def create(self, request, *args, **kwargs):
        data = validated_data(RubricInputSerializer, request)
        form, criteria = _checked_rubric(data)
        with refusals_as_400(*REFUSALS):
            rubric = services.save_rubric(actor=request.user, contest=data["contest"], stage=data["stage"],
                                          criteria=criteria, **form.cleaned_data)
        return self._answer(rubric, status.HTTP_201_CREATED)

    @extend_schema(tags=TAG, request=RubricChangeSerializer, responses=RubricSerializer,
                   summary="Replace the rubric's settings and criteria, until reviewers start scoring")
    def update(self, request, *args, **kwargs):
        rubric = self.get_object()
        require(permissions.can_change_rubric(rubric))
        data = validated_data(RubricChangeSerializer, request)
        form, criteria = _checked_rubric(data)
        with refusals_as_400(*REFUSALS):
            rubric = services.save_rubric(actor=request.user, contest=rubric.contest, stage=rubric.stage,
                                          criteria=criteria, rubric=rubric, **form.cleaned_data)
        return self._answer(rubric)
