from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.uploads import check_table_size, clean_file_name

from .models import DesignationImport, DesignationSuccession, LocalGovernment
from .services import ImportRejected, import_rural_agreement
from .succession import DecisionRefused, decide_designation_successor
from .tabular import TableError, check_table_name


class DesignationImportForm(forms.Form):
    file = forms.FileField(label=_("Rural Agreement list (CSV or XLSX)"),
                           help_text=_("Columns: selection_year, province_ko, name_ko; optionally name_en, kind, "
                                       "code, source, valid_from, valid_to. At most 5 MB."))
    reason = forms.CharField(label=_("Reason for this import"), max_length=500,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             help_text=_("Recorded with your name and the time, e.g. the notice the list comes from."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_table_size(upload)
        try:
            check_table_name(upload.name)
        except TableError as error:
            raise forms.ValidationError(str(error)) from error
        return upload

    def run_import(self, *, imported_by) -> DesignationImport | None:
        """Import the cleaned file; on refusal put every reason on the file field and return None."""
        upload = self.cleaned_data["file"]
        try:
            return import_rural_agreement(stream=upload, file_name=clean_file_name(upload.name),
                                          reason=self.cleaned_data["reason"], imported_by=imported_by)
        except ImportRejected as rejected:
            self.add_error("file", gettext("The file was refused and nothing was imported."))
            for error in rejected.errors:
                self.add_error("file", str(error))
            return None


def import_success_message(record: DesignationImport) -> str:
    return gettext("Imported %(file)s: %(created)s new designations from %(rows)s rows.") % {
        "file": record.file_name, "created": record.rows_created, "rows": record.rows_in_file}


class DesignationSuccessionForm(forms.Form):
    """The council's decision on one undecided designation of a reorganised unit."""

    designation = forms.TypedChoiceField(label=_("Designation"), coerce=int)
    outcome = forms.ChoiceField(label=_("Decision"), choices=DesignationSuccession.Outcome.choices,
                                widget=forms.RadioSelect)
    successor = forms.ModelChoiceField(label=_("Successor (when carried)"), required=False,
                                       queryset=LocalGovernment.objects.none())
    effective_on = forms.DateField(label=_("Effective on"), widget=forms.DateInput(attrs={"type": "date"}))
    source = forms.CharField(label=_("Source"), max_length=300,
                             help_text=_("The notice, minutes or letter that records the decision."))
    reason = forms.CharField(label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, undecided, **kwargs):
        super().__init__(*args, **kwargs)
        self.undecided = {row.designation.pk: row for row in undecided}
        self.fields["designation"].choices = [(row.designation.pk, str(row.designation)) for row in undecided]
        successors = {lg.pk for row in undecided for lg in row.successors}
        self.fields["successor"].queryset = LocalGovernment.objects.filter(pk__in=successors).order_by("code")

    def clean(self):
        data = super().clean()
        if data.get("outcome") == DesignationSuccession.Outcome.CARRY and not data.get("successor"):
            self.add_error("successor", gettext("Choose the successor the designation is carried to."))
        return data

    def record(self, *, actor) -> DesignationSuccession | None:
        data = self.cleaned_data
        try:
            return decide_designation_successor(
                actor=actor, designation=self.undecided[data["designation"]].designation, outcome=data["outcome"],
                successor=data.get("successor"), effective_on=data["effective_on"], source=data["source"],
                reason=data.get("reason", ""))
        except DecisionRefused as refused:
            self.add_error(None, str(refused))
            return None
