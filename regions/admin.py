from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _

from audit.admin_mixins import AuditedAdminMixin
from core.admin_mixins import ReadOnlyAdminMixin

from .forms import DesignationImportForm, import_success_message
from .models import AdministrativeCode, Designation, DesignationImport, LocalGovernment, Province
from .permissions import can_import_designations


@admin.register(Province)
class ProvinceAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("code", "name_ko", "name_en", "legacy_code")
    search_fields = ("code", "name_ko", "name_en")


class AdministrativeCodeInline(admin.TabularInline):
    model = AdministrativeCode
    extra = 0


@admin.register(LocalGovernment)
class LocalGovernmentAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("code", "province", "name_ko", "name_en", "kind", "is_autonomous", "valid_to")
    list_filter = ("province", "kind", "is_autonomous")
    search_fields = ("code", "name_ko", "name_en", "codes__code")
    list_select_related = ("province",)
    inlines = [AdministrativeCodeInline]


@admin.register(Designation)
class DesignationAdmin(AuditedAdminMixin, admin.ModelAdmin):
    list_display = ("local_government", "kind", "valid_from", "valid_to", "source")
    list_filter = ("kind",)
    search_fields = ("local_government__name_ko", "local_government__name_en", "local_government__code")
    list_select_related = ("local_government__province",)
    autocomplete_fields = ("local_government",)
    change_list_template = "admin/regions/designation/change_list.html"

    def get_urls(self):
        return [path("import/", self.admin_site.admin_view(self.import_view), name="regions_designation_import"),
                *super().get_urls()]

    def import_view(self, request):
        """The same import as the council's page, for administrators working in the admin."""
        decision = can_import_designations(request.user)
        if not decision:
            raise PermissionDenied(decision.reason)
        form = DesignationImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            record = form.run_import(imported_by=request.user)
            if record is not None:
                self.message_user(request, import_success_message(record), messages.SUCCESS)
                return redirect(reverse("admin:regions_designation_changelist"))
        context = {**self.admin_site.each_context(request), "form": form, "opts": self.model._meta,
                   "title": _("Import the Rural Agreement list")}
        return TemplateResponse(request, "admin/regions/designation/import.html", context)


@admin.register(DesignationImport)
class DesignationImportAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Import records are audit entries: readable here, never editable."""

    list_display = ("imported_at", "imported_by", "file_name", "rows_in_file", "rows_created", "reason")
    list_select_related = ("imported_by",)
