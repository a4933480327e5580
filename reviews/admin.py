"""Administration of the reviewer pool, panels and rubrics until the council's review pages exist.
Rubrics change only through ``reviews.services.rubric_rules`` (audited, frozen from the first submitted sheet).
Score sheets and their history are read-only here: scores change only through the services."""
from django.contrib import admin, messages
from django.http import HttpResponseRedirect

from audit.admin_mixins import AuditedAdminMixin
from core.admin_mixins import ReadOnlyAdminMixin
from reviews import permissions, services

from .models import Criterion, DeclaredConflict, Panel, Reviewer, Rubric, ScoreSheet, SheetEvent


@admin.register(Reviewer)
class ReviewerAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("__str__", "affiliation", "home_local_government", "home_province", "is_external")
    list_select_related = ("user", "home_local_government", "home_province")
    raw_id_fields = ("user", "home_local_government")


def _may_change(rubric) -> permissions.Decision:
    return permissions.can_change_rubric(rubric) if rubric is not None else permissions.ALLOWED


class CriterionInline(admin.TabularInline):
    """A frozen rubric's criteria: names and descriptions editable, nothing added, removed or re-scored."""

    model = Criterion
    extra = 0

    def get_readonly_fields(self, request, obj=None):
        return services.rubric_rules.CRITERION_SCORING_FIELDS[1:] if not _may_change(obj) else ()

    def has_add_permission(self, request, obj=None):
        return bool(_may_change(obj)) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return bool(_may_change(obj)) and super().has_delete_permission(request, obj)


@admin.register(Rubric)
class RubricAdmin(AuditedAdminMixin, admin.ModelAdmin):
    """Every change goes through ``reviews.services.rubric_rules`` (audited with the form's "Why"; refused once a
    sheet of the stage is submitted, when the scoring fields turn read-only and the page says why)."""

    list_display = ("contest", "stage", "trim_min_sheets", "pass_mark")
    inlines = [CriterionInline]

    def get_readonly_fields(self, request, obj=None):
        return ("contest", "stage", "trim_min_sheets", "pass_mark") if not _may_change(obj) else ()

    def has_delete_permission(self, request, obj=None):
        return bool(_may_change(obj)) and super().has_delete_permission(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        rubric = self.get_object(request, object_id)
        decision = _may_change(rubric)
        if not decision and request.method == "GET":
            self.message_user(request, decision.reason, messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)

    def changeform_view(self, request, *args, **kwargs):
        try:
            return super().changeform_view(request, *args, **kwargs)
        except services.RubricFrozen as refused:  # frozen between the form's display and its saving
            self.message_user(request, str(refused), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        services.change_rubric(actor=request.user, rubric=obj, reason=self.reason_of(form))

    def save_formset(self, request, form, formset, change):
        criteria, reason = formset.save(commit=False), self.reason_of(form)
        for criterion in formset.deleted_objects:
            services.remove_criterion(actor=request.user, criterion=criterion, reason=reason)
        for criterion in criteria:
            services.change_criterion(actor=request.user, criterion=criterion, reason=reason)
        formset.save_m2m()

    def delete_model(self, request, obj):
        services.remove_rubric(actor=request.user, rubric=obj, reason=self.deletion_reason(request))

    def delete_queryset(self, request, queryset):
        for rubric in queryset:
            try:
                services.remove_rubric(actor=request.user, rubric=rubric, reason=self.deletion_reason(request))
            except services.RubricFrozen as refused:
                self.message_user(request, f"{rubric}: {refused}", messages.ERROR)


@admin.register(Panel)
class PanelAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("name", "contest", "stage", "reviewers_per_proposal", "chair", "signed_off_at")
    filter_horizontal = ("members",)
    readonly_fields = ("signed_off_at",)


class ReadOnlyAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    pass


@admin.register(DeclaredConflict)
class DeclaredConflictAdmin(ReadOnlyAdmin):
    list_display = ("reviewer", "proposal", "local_government", "declared_at")


@admin.register(ScoreSheet)
class ScoreSheetAdmin(ReadOnlyAdmin):
    list_display = ("assignment", "status", "submitted_at")


@admin.register(SheetEvent)
class SheetEventAdmin(ReadOnlyAdmin):
    list_display = ("sheet", "action", "actor", "at")
