"""The portal's date style for English readers (``core.formats``): 2026-03-31, 2026-03-31 18:00."""
from core.formats import DJANGO_FORMATS

globals().update(DJANGO_FORMATS)
