"""The council's pages for a ministry's support lines: add a line with its measures, add a measure to a line,
remove a measure, add or remove a rule between two of a line's measures. Each change goes through
``ministries.services`` or ``ministries.rule_services`` (checked, refused with the reason where the line is in
use, audited); a refused form comes back with what was typed and the reason beside it."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from core.permissions import DecisionRequiredMixin

from . import permissions, rule_services, services
from .models import Measure, Ministry, SupportLineKind
from .setup_forms import LineKindForm, MeasureAddForm, MeasureFormSet, ReasonForm, RuleForm, RuleRemoveForm


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


class RulesView(LineMixin, TemplateView):
    """``/ministries/lines/<line>/rules/``: the line's rules in words, each removable with a reason, and a form
    to add one (two of its counts or KRW); a refusal comes back beside the field it concerns, what was typed
    kept."""

    template_name = "ministries/rules.html"

    @cached_property
    def measures(self) -> list[Measure]:
        return list(self.line.measures.all())

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", RuleForm(measures=self.measures))
        removal = kwargs.pop("removal", None)
        rules = []
        for rule in self.line.rules.select_related("left", "right"):
            codes = {"left": rule.left.code, "right": rule.right.code}
            auto_id = f"id_rule{rule.pk}_%s"  # one form per rule on the page, each field's id its own
            if removal is not None and all(removal.data.get(name) == code for name, code in codes.items()):
                removal.auto_id = auto_id
                rules.append((rule, removal))
            else:
                rules.append((rule, RuleRemoveForm(initial=codes, auto_id=auto_id)))
        return super().get_context_data(line=self.line, rules=rules, **kwargs)

    def back(self):
        return redirect("ministries:rules", line_code=self.line.code)

    def _submit(self, form, act, done: str, *, refusal_above: bool = False):
        """Run ``act`` (a rule service) with the form's data; back to the page with ``done`` when it is made,
        the refusal beside the form's field otherwise (``None`` then). ``refusal_above``: a refusal that names
        no field (a rule gone meanwhile) is said above the page instead, as the form it came from is gone."""
        if form.is_valid():
            try:
                act(**form.cleaned_data)
            except services.MinistryRefused as refused:
                if refusal_above:
                    messages.error(self.request, str(refused))
                    return self.back()
                form.add_error(None, str(refused))
            except ValidationError as error:
                _place_errors(error, form)
            else:
                messages.success(self.request, done)
                return self.back()
        return None

    def post(self, request, *args, **kwargs):
        form = RuleForm(request.POST, measures=self.measures)
        done = self._submit(form, lambda **data: rule_services.add_rule(
            actor=request.user, line_code=self.line.code, **data),
            _("%(line)s checks the new rule whenever a row is saved.") % {"line": self.line.name})
        return done or self.render_to_response(self.get_context_data(form=form))


class RuleRemoveView(RulesView):
    """POST: remove a rule with a reason; without one, the page comes back with the message beside it."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = RuleRemoveForm(request.POST)
        done = self._submit(form, lambda **data: rule_services.remove_rule(
            actor=request.user, line_code=self.line.code, **data), _("The rule was removed."), refusal_above=True)
        return done or self.render_to_response(self.get_context_data(removal=form))
