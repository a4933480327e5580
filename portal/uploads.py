"""Checks on uploaded documents: the format is read from the content, not trusted from the name.

Korean officials work in HWP/HWPX as much as PDF, so those are accepted alongside PPTX and XLSX.
A file whose content does not match its extension, or that is too large, is refused with the reason.
"""
import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
HWP_SIGNATURE = b"HWP Document File"
CHUNK = 64 * 1024


class FileFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    HWP = "hwp", "HWP"
    HWPX = "hwpx", "HWPX"
    PPTX = "pptx", "PPTX"
    XLSX = "xlsx", "XLSX"


CONTENT_TYPES = {
    FileFormat.PDF: "application/pdf",
    FileFormat.HWP: "application/x-hwp",
    FileFormat.HWPX: "application/hwp+zip",
    FileFormat.PPTX: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    FileFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DOCUMENT_FORMATS = tuple(FileFormat)


@dataclass(frozen=True)
class CheckedUpload:
    file: UploadedFile
    original_name: str
    file_format: str
    size_bytes: int
    sha256: str


def max_upload_bytes() -> int:
    return settings.PORTAL_MAX_UPLOAD_BYTES


def _zip_format(fileobj) -> str | None:
    try:
        with zipfile.ZipFile(fileobj) as archive:
            names = archive.namelist()
            if "mimetype" in names and archive.read("mimetype")[:64].strip() == b"application/hwp+zip":
                return FileFormat.HWPX
            if "[Content_Types].xml" in names:
                if any(name.startswith("ppt/") for name in names):
                    return FileFormat.PPTX
                if any(name.startswith("xl/") for name in names):
                    return FileFormat.XLSX
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def _contains(fileobj, needle: bytes) -> bool:
    fileobj.seek(0)
    tail = b""
    while chunk := fileobj.read(CHUNK):
        if needle in tail + chunk:
            return True
        tail = chunk[-len(needle):]
    return False


def sniff_format(fileobj) -> str | None:
    """The document format the bytes really are, or None when they are none of the accepted ones."""
    fileobj.seek(0)
    head = fileobj.read(8)
    fileobj.seek(0)
    found = None
    if head.startswith(b"%PDF-"):
        found = FileFormat.PDF
    elif head == OLE_MAGIC and _contains(fileobj, HWP_SIGNATURE):
        found = FileFormat.HWP
    elif head.startswith(b"PK\x03\x04"):
        found = _zip_format(fileobj)
    fileobj.seek(0)
    return found


def _sha256(fileobj) -> str:
    digest = hashlib.sha256()
    fileobj.seek(0)
    while chunk := fileobj.read(CHUNK):
        digest.update(chunk)
    fileobj.seek(0)
    return digest.hexdigest()


def check_upload(uploaded: UploadedFile, allowed: tuple[str, ...] = DOCUMENT_FORMATS) -> CheckedUpload:
    """Refuse an empty, oversized, unlisted or mislabelled file; say which and why."""
    name = PurePath(uploaded.name or "").name
    allowed_list = ", ".join(FileFormat(code).label for code in allowed)
    if uploaded.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if uploaded.size > max_upload_bytes():
        raise ValidationError(_("The file is %(size)s; the limit is %(limit)s."), code="too_large",
                              params={"size": filesizeformat(uploaded.size),
                                      "limit": filesizeformat(max_upload_bytes())})
    claimed = PurePath(name).suffix.lower().lstrip(".")
    if claimed not in allowed:
        raise ValidationError(_("Files of this kind are not accepted; accepted are %(formats)s."),
                              params={"formats": allowed_list}, code="extension")
    actual = sniff_format(uploaded)
    if actual != claimed:
        raise ValidationError(
            _("The file is named .%(claimed)s but its content is not a %(label)s document."),
            params={"claimed": claimed, "label": FileFormat(claimed).label}, code="content_mismatch")
    return CheckedUpload(file=uploaded, original_name=name, file_format=actual, size_bytes=uploaded.size,
                         sha256=_sha256(uploaded))
