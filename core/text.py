"""Text at the portal's boundary: one normal form for Korean, and organisation names compared by what they name.

Hangul reaches the portal in two normal forms: composed (NFC, what Windows and most keyboards send) and
decomposed (NFD, what macOS sends for file names and some pasted text). They look the same and compare unequal,
so every text input is turned into NFC where it enters (``core.request_limits`` for forms and query strings,
``core.api.parsers`` for API bodies, ``core.uploads`` for file names).
"""
import re
import unicodedata

# Legal-form marks of Korean organisations, written out, abbreviated in parentheses, or as one enclosed
# character (㈜ is U+3231, which NFKC turns into "(주)"). Longer forms first.
LEGAL_FORMS = (
    "유한책임회사", "주식회사", "유한회사", "합자회사", "합명회사", "재단법인", "사단법인", "사회적협동조합",
    "협동조합",
    "농업회사법인", "영농조합법인", "어업회사법인", "영어조합법인", "학교법인", "의료법인", "사회복지법인",
    "(주)", "(유)", "(재)", "(사)", "(합)", "(협)", "(농)", "(학)", "(의)", "(복)",
)
_LEGAL_FORM = re.compile("|".join(re.escape(mark) for mark in LEGAL_FORMS))
_NOT_NAME = re.compile(r"[\s\-_.,·・&'\"]+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def organisation_key(name: str) -> str:
    """What an organisation's name is compared by: compatibility-normalised (NFKC: ㈜ → (주), full-width letters
    → ASCII), legal-form marks removed wherever they stand, spaces and punctuation removed, case folded.
    ``organisation_key("㈜합천바이오소재") == organisation_key("합천바이오소재 주식회사") == "합천바이오소재"``."""
    text = unicodedata.normalize("NFKC", name or "")
    text = _LEGAL_FORM.sub("", text.replace("（", "(").replace("）", ")"))
    text = re.sub(r"\(\s*\)", "", text)
    return _NOT_NAME.sub("", text).casefold()
