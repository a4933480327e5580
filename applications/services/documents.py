"""Storing a checked upload with its row and audit entry, for contests' and proposals' files alike."""
from django.db import transaction

from applications.models.documents import StoredDocument
from audit.services import record
from core.uploads import CheckedUpload


def store_document(*, actor, document: StoredDocument, upload: CheckedUpload, action: str, target,
                   details: dict) -> StoredDocument:
    """Write the file under a generated name, then the row and the audit entry; if the row fails,
    the file goes too, so storage never holds a file no row points at."""
    document.original_name, document.file_format = upload.original_name, upload.file_format
    document.size_bytes, document.sha256, document.uploaded_by = upload.size_bytes, upload.sha256, actor
    document.file.save(upload.original_name, upload.file, save=False)
    try:
        with transaction.atomic():
            document.save()
            record(actor=actor, action=action, target=target,
                   changes={"attachment": document.pk, "name": upload.original_name, "sha256": upload.sha256,
                            **details})
    except Exception:
        document.file.storage.delete(document.file.name)
        raise
    return document


def delete_file_on_commit(document: StoredDocument) -> None:
    storage, name = document.file.storage, document.file.name
    transaction.on_commit(lambda: storage.delete(name))
