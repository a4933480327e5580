from django.contrib import admin

from audit.admin_mixins import AuditedAdminMixin

from .models import Contest, ContestDesignationKind


class ContestDesignationKindInline(admin.TabularInline):
    model = ContestDesignationKind
    extra = 0


@admin.register(Contest)
class ContestAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("name_ko", "year", "application_opens_at", "application_closes_at")
    inlines = [ContestDesignationKindInline]
    filter_horizontal = ("participating_ministries",)
