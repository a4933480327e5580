from django.contrib import admin

from .models import Ministry, SupportItem, SupportLineKind


class SupportItemInline(admin.TabularInline):
    model = SupportItem
    extra = 0


@admin.register(Ministry)
class MinistryAdmin(admin.ModelAdmin):
    list_display = ("code", "name_ko", "name_en", "is_lead")


@admin.register(SupportLineKind)
class SupportLineKindAdmin(admin.ModelAdmin):
    list_display = ("code", "ministry", "name_ko", "name_en")
    list_select_related = ("ministry",)
    inlines = [SupportItemInline]
