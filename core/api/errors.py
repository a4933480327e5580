"""How the API reports a service's refusal: a 400 whose ``detail`` says why, as the pages show it beside
the form."""
from contextlib import contextmanager

from rest_framework.exceptions import ValidationError


@contextmanager
def refusals_as_400(*refusals: type[Exception]):
    try:
        yield
    except refusals as refused:
        raise ValidationError({"detail": [str(refused)]}) from refused
