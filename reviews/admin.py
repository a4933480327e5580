"""Administration of the reviewer pool, panels and rubrics until the council's review pages exist.
Score sheets and their history are read-only here: scores change only through the services."""
from django.contrib import admin

from portal.admin_mixins import ReadOnlyAdminMixin

from .models import Criterion, DeclaredConflict, Panel, Reviewer, Rubric, ScoreSheet, SheetEvent


@admin.register(Reviewer)
class ReviewerAdmin(admin.ModelAdmin):
    list_display = ("__str__", "affiliation", "home_local_government", "home_province", "is_external")
    list_select_related = ("user", "home_local_government", "home_province")
    raw_id_fields = ("user", "home_local_government")


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


@admin.register(Rubric)
class RubricAdmin(admin.ModelAdmin):
    list_display = ("contest", "stage", "trim_min_sheets", "pass_mark")
    inlines = [CriterionInline]


@admin.register(Panel)
class PanelAdmin(admin.ModelAdmin):
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
