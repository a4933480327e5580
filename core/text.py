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


# The Korean particles whose form follows the last syllable of the word before them: the form after a final
# consonant (받침) first. 으로/로 also takes 로 after a final ㄹ.
PARTICLES = {"을/를": ("을", "를"), "이/가": ("이", "가"), "은/는": ("은", "는"), "과/와": ("과", "와"),
             "으로/로": ("으로", "로"), "이나/나": ("이나", "나"), "이라/라": ("이라", "라")}
_HANGUL_FIRST, _HANGUL_LAST, _FINALS = 0xAC00, 0xD7A3, 28
_RIEUL = 8  # ㄹ among the final consonants
# How a digit is read (Sino-Korean): its final consonant's index, 0 for none (영 일 이 삼 사 오 육 칠 팔 구).
_DIGIT_FINALS = {"0": 21, "1": _RIEUL, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": _RIEUL, "8": _RIEUL, "9": 0}
_TRAILING = re.compile(r"(?:\s*\([^()]*\)|[\s\"'”’」』.]+)+$")


def _final_consonant(word: str) -> int:
    """The final consonant's index (0 for none) of the syllable a reader says last: a closing parenthetical
    (``활용(CCU)``) and quotes are read past; a digit is read in Sino-Korean; any other letter as vowel-final."""
    word = _TRAILING.sub("", nfc(word))
    if not word:
        return 0
    last = word[-1]
    if _HANGUL_FIRST <= ord(last) <= _HANGUL_LAST:
        return (ord(last) - _HANGUL_FIRST) % _FINALS
    return _DIGIT_FINALS.get(last, 0)


def with_particle(word: str, particle: str) -> str:
    """``word`` followed by the form of ``particle`` (a key of ``PARTICLES``, "을/를") its last syllable takes,
    never the written-out "을(를)": ``with_particle("완도 다시마", "을/를") == "완도 다시마를"``,
    ``with_particle("산업단지", "으로/로") == "산업단지로"``, ``with_particle("서울", "으로/로") == "서울로"``."""
    after_consonant, after_vowel = PARTICLES[particle]
    final = _final_consonant(word)
    if particle == "으로/로":
        return word + (after_consonant if final and final != _RIEUL else after_vowel)
    return word + (after_consonant if final else after_vowel)
