"""The council's pages for a ministry's support lines: add a line with its measures, add a measure to a line,
remove a measure. Each change goes through ``ministries.services`` (checked, refused with the reason where the
line is in use, audited); a refused form comes back with what was typed and the reason beside it."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.permissions import DecisionRequiredMixin

from . import permissions, services
from .models import Ministry, SupportLineKind
from .setup_forms import LineKindForm, MeasureAddForm, MeasureFormSet, ReasonForm


class ManageMixin(DecisionRequiredMixin):
    def decide(self, user):
        return permissions.can_manage_ministries(user)


def _place_errors(error: ValidationError, form, measure_forms=()) -> None:
    """A service's ``ValidationError`` beside the field it names (``measures.N.field`` on the Nth measure)."""
    for key, messages_ in error.message_dict.items():
        parts = key.split(".")
        if parts[0] == "measures" and len(parts) == 3 and parts[1].isdigit() \
                and 0 < int(parts[1]) <= len(measure_forms):
            target = measure_forms[int(parts[1]) - 1]
            field = {"choices": "options"}.get(parts[2], parts[2])
            target.add_error(field if field in target.fields else None, messages_)
        else:
            field = {"choices": "options"}.get(key, key)
            form.add_error(field if field in form.fields else None, messages_)


class LineKindCreateView(ManageMixin, TemplateView):
    """``/ministries/<code>/lines/new/``: a new support line of the ministry, described by its measures."""

    template_name = "ministries/line_form.html"

    @cached_property
    def ministry(self) -> Ministry:
        """Looked up after the permission (``dispatch``): who may not add lines learns nothing of codes."""
        return get_object_or_404(Ministry, code=self.kwargs["code"])

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", LineKindForm())
        kwargs.setdefault("measures", MeasureFormSet(prefix="measures"))
        return super().get_context_data(ministry=self.ministry, **kwargs)

    def post(self, request, *args, **kwargs):
        form, measures = LineKindForm(request.POST), MeasureFormSet(request.POST, prefix="measures")
        if form.is_valid() & measures.is_valid():
            kept = measures.kept_forms()
            try:
                line = services.create_line_kind(
                    actor=request.user, ministry_code=self.ministry.code, measures=[f.measure() for f in kept],
                    **{name: form.cleaned_data[name] for name in ("code", "name_ko", "name_en", "description_ko",
                                                                  "description_en", "reason")})
            except services.MinistryRefused as refused:
                form.add_error(None, str(refused))
            except ValidationError as error:
                _place_errors(error, form, kept)
            else:
                messages.success(request, _("%(line)s was added to %(ministry)s; proposals and tasks offer it "
                                            "from now on.") % {"line": line.name, "ministry": self.ministry.name})
                return redirect(reverse("ministries:list") + f"#ministry-{self.ministry.code}")
        return self.render_to_response(self.get_context_data(form=form, measures=measures))


class LineMixin(ManageMixin):
    @cached_property
    def line(self) -> SupportLineKind:
        """Looked up after the permission (``dispatch``): who may not change lines learns nothing of codes."""
        return get_object_or_404(SupportLineKind.objects.select_related("ministry"), code=self.kwargs["line_code"])

    def back(self):
        return redirect(reverse("ministries:list") + f"#line-{self.line.code}")


class MeasureAddView(LineMixin, TemplateView):
    """``/ministries/lines/<line>/measures/new/``: one more measure; on a line in use it may be neither
    required nor a key (refused with the reason)."""

    template_name = "ministries/measure_form.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", MeasureAddForm())
        return super().get_context_data(line=self.line, in_use=services.line_in_use(self.line), **kwargs)

    def post(self, request, *args, **kwargs):
        form = MeasureAddForm(request.POST)
        if form.is_valid():
            try:
                measure = services.add_measure(actor=request.user, line_code=self.line.code, measure=form.measure(),
                                               reason=form.cleaned_data["reason"])
            except services.MinistryRefused as refused:
                form.add_error(None, str(refused))
            except ValidationError as error:
                _place_errors(ValidationError({key.split(".")[-1]: value
                                               for key, value in error.message_dict.items()}), form)
            else:
                messages.success(request, _("%(line)s counts %(measure)s from now on.")
                                 % {"line": self.line.name, "measure": measure.name})
                return self.back()
        return self.render_to_response(self.get_context_data(form=form))


class MeasureRemoveView(LineMixin, View):
    """POST: remove a measure that holds no value and that no rule names; refused with the reason otherwise."""

    def post(self, request, *args, **kwargs):
        form = ReasonForm(request.POST)
        if not form.is_valid():  # said, not a bare 404: the reason box is the only thing typed here
            messages.error(request, " ".join(str(message) for message in form.errors["reason"]))
            return self.back()
        try:
            services.remove_measure(actor=request.user, line_code=self.line.code, code=kwargs["measure"],
                                    reason=form.cleaned_data["reason"])
        except services.MinistryRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("The measure was removed."))
        return self.back()
