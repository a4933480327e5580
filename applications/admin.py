from django.contrib import admin

from .models import Contest, ContestDesignationKind


class ContestDesignationKindInline(admin.TabularInline):
    model = ContestDesignationKind
    extra = 0


@admin.register(Contest)
class ContestAdmin(admin.ModelAdmin):
    list_display = ("name_ko", "year", "application_opens_at", "application_closes_at")
    inlines = [ContestDesignationKindInline]
    filter_horizontal = ("participating_ministries",)
