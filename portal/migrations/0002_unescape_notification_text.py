"""Notifications written before their text was rendered plain (subjects and bodies went through the HTML
template engine) were stored HTML-escaped: a proposal titled 「"산삼" R&D」 told as ``&quot;산삼&quot; R&amp;D``,
shown so on the notifications page (escaped again) and in e-mails. This turns them back into the text.

Only a field that bears the marks of escaping is changed: it holds one of the entities Django's ``escape``
writes (``&amp;`` ``&lt;`` ``&gt;`` ``&quot;`` ``&#x27;``/``&#39;``) and none of the characters escaping
removes (no raw ``<`` ``>`` ``"`` ``'`` and no ``&`` that does not start such an entity). Text written plain
since is left alone. Not reversible in meaning: migrating back changes nothing."""
import re

from django.db import migrations

ENTITIES = {"&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'", "&#39;": "'", "&amp;": "&"}
_ENTITY = re.compile("|".join(re.escape(entity) for entity in ENTITIES))
_RAW = re.compile(r"""[<>"']|&(?!(?:lt|gt|quot|amp|#x27|#39);)""")
# the start of an entity the subject's 300 characters cut off
_CUT_ENTITY = re.compile(r"&(?:l|lt|g|gt|q|qu|quo|quot|a|am|amp|#|#x|#x2|#x27|#3|#39)?$")
SUBJECT_LENGTH = 300


def unescaped(text: str, cut_at: int | None = None) -> str | None:
    """``text`` unescaped once when it was escaped; ``None`` when it shows no sign of escaping. A text
    ``cut_at`` that many characters long may end in a cut-off entity: that fragment is dropped."""
    if cut_at and len(text) == cut_at and (cut := _CUT_ENTITY.search(text)):
        text = text[:cut.start()]
    if not text or not _ENTITY.search(text) or _RAW.search(text):
        return None
    return _ENTITY.sub(lambda match: ENTITIES[match.group(0)], text)


def unescape_notifications(apps, schema_editor):
    notification = apps.get_model("notifications", "Notification")
    rows = (notification._base_manager.filter(subject__contains="&")
            | notification._base_manager.filter(body__contains="&"))
    for row in rows.only("pk", "subject", "body").order_by("pk").iterator(chunk_size=500):
        changes = {name: value for name, cut_at in (("subject", SUBJECT_LENGTH), ("body", None))
                   if (value := unescaped(getattr(row, name), cut_at)) is not None}
        if changes:
            notification._base_manager.filter(pk=row.pk).update(**changes)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_nfc_typed_text"),
        ("notifications", "0005_remove_notification_emailed_at"),
    ]

    operations = [migrations.RunPython(unescape_notifications, migrations.RunPython.noop, elidable=True)]
