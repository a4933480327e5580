"""The ministries named in every page's footer, read from the data (a ministry added by the council appears
there) and kept in the cache, so a page costs no query for them; saving or deleting a ministry forgets them."""
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from .models import Ministry

KEY = "footer-ministries:{language}"


def _key(language: str) -> str:
    return KEY.format(language=language.split("-")[0])


def ministry_names() -> list[str]:
    """The ministries' names in the active language, the lead ministry first (one query when not cached)."""
    key = _key(get_language() or settings.LANGUAGE_CODE)
    names = cache.get(key)
    if names is None:
        names = [ministry.name for ministry in Ministry.objects.all()]
        cache.set(key, names, timeout=None)
    return names


def forget_ministry_names(**_kwargs) -> None:
    """Connected to a ministry's save and delete: the next page reads the names again."""
    cache.delete_many([_key(code) for code, _name in settings.LANGUAGES])


def footer_ministries(request) -> dict:
    """Context processor: ``footer_ministries``, a callable the template calls only where it shows them."""
    return {"footer_ministries": ministry_names}
