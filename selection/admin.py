from django.contrib import admin

from core.admin_mixins import ReadOnlyAdminMixin

from .models import DecisionAdjustment, Objection, SelectionDecision, SelectionPolicy, SelectionRun


@admin.register(SelectionPolicy)
class SelectionPolicyAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["contest", "tie_break", "reserve_count", "updated_at"]


@admin.register(SelectionRun)
class SelectionRunAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["contest", "number", "status", "requested_by", "requested_at", "approved_at", "published_at"]
    list_filter = ["status"]


@admin.register(SelectionDecision)
class SelectionDecisionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["run", "rank", "proposal", "combined_score", "outcome", "national_krw"]
    list_filter = ["outcome"]


@admin.register(DecisionAdjustment)
class DecisionAdjustmentAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["at", "decision", "actor", "outcome_before", "outcome_after"]


@admin.register(Objection)
class ObjectionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["filed_at", "decision", "status", "decided_at"]
    list_filter = ["status"]
