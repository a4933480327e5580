"""The one way a page's form reaches a service: validate, call, and on refusal show the reason beside the
form with everything that was typed; on success say so and move on."""
from collections.abc import Callable

from django.contrib import messages
from django.shortcuts import redirect


class ServiceFormMixin:
    """For TemplateViews whose POST runs a service. ``refusals`` are the service's refusal exceptions."""

    refusals: tuple[type[Exception], ...] = ()

    def submit(self, form, act: Callable[[dict], tuple[str, str]], *, form_name: str = "form",
               refused_to: str | None = None, **context):
        """``act(cleaned_data)`` calls the service and returns (success message, address to go to). With
        ``refused_to``, a refusal is said as a message at that address instead of beside the form: for a form
        the page may no longer offer once the refusal is known (a request answered meanwhile in another tab)."""
        if form.is_valid():
            try:
                message, target = act(form.cleaned_data)
            except self.refusals as refused:
                if refused_to is not None:
                    messages.error(self.request, str(refused))
                    return redirect(refused_to)
                form.add_error(None, str(refused))
            else:
                messages.success(self.request, message)
                return redirect(target)
        return self.render_to_response(self.get_context_data(**{form_name: form}, **context))
