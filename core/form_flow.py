"""The one way a page's form reaches a service: validate, call, and on refusal show the reason beside the
form with everything that was typed; on success say so and move on."""
from collections.abc import Callable

from django.contrib import messages
from django.shortcuts import redirect


class ServiceFormMixin:
    """For TemplateViews whose POST runs a service. ``refusals`` are the service's refusal exceptions."""

    refusals: tuple[type[Exception], ...] = ()

    def submit(self, form, act: Callable[[dict], tuple[str, str]], *, form_name: str = "form", **context):
        """``act(cleaned_data)`` calls the service and returns (success message, address to go to)."""
        if form.is_valid():
            try:
                message, target = act(form.cleaned_data)
            except self.refusals as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(self.request, message)
                return redirect(target)
        return self.render_to_response(self.get_context_data(**{form_name: form}, **context))
