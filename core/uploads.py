"""Checks on uploaded documents: the format is read from the content, not trusted from the name.

Korean officials work in HWP/HWPX as much as PDF, so those are accepted alongside PPTX and XLSX.
A file whose content does not match its extension, or that is too large, is refused with the reason.

Reading is bounded: a zip-based document (HWPX, PPTX, XLSX) is judged from its central directory first
(entry count, total uncompressed size and compression ratio within ``archive_limits``), and only the few
bytes that name its format are inflated; an HWP file is opened with a real OLE reader (``olefile``) and
only its ``FileHeader`` stream's signature is read. The upload's name is kept in NFC, without folders or
control characters.
"""
import hashlib
import struct
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

import olefile
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
HWP_SIGNATURE = b"HWP Document File"
CHUNK = 64 * 1024
# What ``zipfile`` raises on bytes that start like a zip but are not a readable one: a broken or truncated
# directory, an entry "made by" a version it does not know (NotImplementedError), a negative offset (ValueError).
UNREADABLE_ZIP = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, KeyError, EOFError, NotImplementedError,
                  ValueError, struct.error)


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
ZIP_FORMATS = (FileFormat.HWPX, FileFormat.PPTX, FileFormat.XLSX)


@dataclass(frozen=True)
class CheckedUpload:
    file: UploadedFile
    original_name: str
    file_format: str
    size_bytes: int
    sha256: str


def max_upload_bytes() -> int:
    return settings.PORTAL_MAX_UPLOAD_BYTES


MAX_TABLE_BYTES = 5 * 1024 * 1024  # an uploaded table: a designation list, a ministry's filled template


def check_table_size(uploaded: UploadedFile) -> None:
    """A table uploaded to be read row by row is at most 5 MB (the forms that take one say so)."""
    if uploaded.size > MAX_TABLE_BYTES:
        raise ValidationError(_("The file is larger than 5 MB."))


@dataclass(frozen=True)
class ArchiveLimits:
    """What a zip-based upload may declare in its central directory."""

    max_entries: int
    max_total_bytes: int  # uncompressed, all entries together
    max_ratio: int  # uncompressed ÷ compressed, for any entry larger than ``ratio_floor_bytes``
    ratio_floor_bytes: int = 1024 * 1024


def archive_limits() -> ArchiveLimits:
    return ArchiveLimits(max_entries=settings.PORTAL_ARCHIVE_MAX_ENTRIES,
                         max_total_bytes=settings.PORTAL_ARCHIVE_MAX_BYTES,
                         max_ratio=settings.PORTAL_ARCHIVE_MAX_RATIO)


def check_archive(archive: zipfile.ZipFile, limits: ArchiveLimits | None = None) -> None:
    """Refuse an archive whose directory declares too many entries, too many bytes or a bomb's ratio.

    Only the directory is read. The declared sizes also bound what ``zipfile`` will inflate later (it stops
    at an entry's declared size), so an archive that passes cannot grow past ``max_total_bytes``.
    Raises ValidationError (code ``archive_limits``)."""
    limits = limits or archive_limits()
    entries = archive.infolist()
    total = sum(entry.file_size for entry in entries)
    bomb = any(entry.file_size > limits.ratio_floor_bytes
               and entry.file_size > limits.max_ratio * max(entry.compress_size, 1) for entry in entries)
    if len(entries) > limits.max_entries or total > limits.max_total_bytes or bomb:
        raise ValidationError(
            _("The archive inside the file unpacks to more than the portal accepts (at most %(entries)s parts, "
              "%(size)s in all, compressed at most %(ratio)s to 1)."), code="archive_limits",
            params={"entries": limits.max_entries, "size": filesizeformat(limits.max_total_bytes),
                    "ratio": limits.max_ratio})


def _zip_format(fileobj) -> str | None:
    try:
        with zipfile.ZipFile(fileobj) as archive:
            check_archive(archive)
            names = set(archive.namelist())
            if "mimetype" in names:
                with archive.open("mimetype") as entry:
                    if entry.read(64).strip() == b"application/hwp+zip":
                        return FileFormat.HWPX
            if "[Content_Types].xml" in names:
                if any(name.startswith("ppt/") for name in names):
                    return FileFormat.PPTX
                if any(name.startswith("xl/") for name in names):
                    return FileFormat.XLSX
    except (*UNREADABLE_ZIP, ValidationError):
        return None
    return None


def _is_hwp(fileobj) -> bool:
    """An OLE compound file whose ``FileHeader`` stream starts with HWP's signature (HWP 5 format)."""
    fileobj.seek(0)
    try:
        if not olefile.isOleFile(fileobj):
            return False
        fileobj.seek(0)
        with olefile.OleFileIO(fileobj) as ole:
            if ole.get_type("FileHeader") != olefile.STGTY_STREAM:
                return False
            with ole.openstream("FileHeader") as stream:
                return stream.read(len(HWP_SIGNATURE)) == HWP_SIGNATURE
    except Exception:
        return False


def head_is_zip(fileobj) -> bool:
    fileobj.seek(0)
    head = fileobj.read(4)
    fileobj.seek(0)
    return head == b"PK\x03\x04"


def sniff_format(fileobj) -> str | None:
    """The document format the bytes really are, or None when they are none of the accepted ones."""
    fileobj.seek(0)
    head = fileobj.read(8)
    fileobj.seek(0)
    found = None
    if head.startswith(b"%PDF-"):
        found = FileFormat.PDF
    elif head == OLE_MAGIC and _is_hwp(fileobj):
        found = FileFormat.HWP
    elif head.startswith(b"PK\x03\x04"):
        try:
            found = _zip_format(fileobj)
        finally:
            fileobj.seek(0)
    fileobj.seek(0)
    return found


def _sha256(fileobj) -> str:
    digest = hashlib.sha256()
    fileobj.seek(0)
    while chunk := fileobj.read(CHUNK):
        digest.update(chunk)
    fileobj.seek(0)
    return digest.hexdigest()


def clean_file_name(name: str) -> str:
    """An uploaded file's name as kept and served: the last path part (either slash), NFC (macOS sends NFD),
    without control characters, at most 200 characters (the extension kept)."""
    name = unicodedata.normalize("NFC", (name or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(char for char in name if unicodedata.category(char) not in {"Cc", "Cf"}).strip()
    if len(name) > 200:
        stem, dot, suffix = name.rpartition(".")
        name = f"{stem[:190]}.{suffix[:9]}" if dot and len(suffix) < 10 else name[:200]
    return name


def check_upload(uploaded: UploadedFile, allowed: tuple[str, ...] = DOCUMENT_FORMATS) -> CheckedUpload:
    """Refuse an empty, oversized, unlisted, mislabelled or bomb-like file; say which and why.

    The returned name is ``clean_file_name``'s, and ``uploaded.name`` is set to it too, so storage sees NFC."""
    name = clean_file_name(uploaded.name or "")
    uploaded.name = name
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
    if claimed in ZIP_FORMATS and head_is_zip(uploaded):
        try:
            with zipfile.ZipFile(uploaded) as archive:
                check_archive(archive)
        except UNREADABLE_ZIP:
            pass  # not a readable zip: sniffing below says the content is not what the name claims
        finally:
            uploaded.seek(0)
    actual = sniff_format(uploaded)
    if actual != claimed:
        raise ValidationError(
            _("The file is named .%(claimed)s but its content is not a %(label)s document."),
            params={"claimed": claimed, "label": FileFormat(claimed).label}, code="content_mismatch")
    return CheckedUpload(file=uploaded, original_name=name, file_format=actual, size_bytes=uploaded.size,
                         sha256=_sha256(uploaded))
