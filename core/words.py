"""Words shown the same way everywhere: the ministries' short names as Korean officials write them."""
from django.utils.translation import pgettext_lazy

# By the ministry's stable code; a code not listed (a ministry added as data later) shows as itself.
MINISTRY_SHORT_NAMES = {
    "MSS": pgettext_lazy("ministry short name", "MSS"),
    "MOIS": pgettext_lazy("ministry short name", "MOIS"),
    "MOJ": pgettext_lazy("ministry short name", "MOJ"),
    "MAFRA": pgettext_lazy("ministry short name", "MAFRA"),
    "MCST": pgettext_lazy("ministry short name", "MCST"),
    "MOF": pgettext_lazy("ministry short name", "MOF"),
}


def ministry_short_name(code: str) -> str:
    """중기부, 행안부, 법무부, 농식품부, 문체부, 해수부 in Korean; the English abbreviations in English."""
    return str(MINISTRY_SHORT_NAMES.get(code, code))
