"""Django's per-language formats (``FORMAT_MODULE_PATH``) set to the portal's one style (``core.formats``), so a
date Django shows by itself (the admin, a value printed without a filter) reads as every page does."""
