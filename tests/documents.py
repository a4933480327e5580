"""Uploads for tests: genuine small files of each accepted format, and impostors."""
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from portal.sample_documents import minimal_pdf, workbook
from portal.uploads import OLE_MAGIC


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def pdf() -> bytes:
    return minimal_pdf(["Hamyang wild ginseng", "business plan"])


def hwp() -> bytes:
    """An OLE compound file carrying the HWP FileHeader signature."""
    return OLE_MAGIC + bytes(504) + b"HWP Document File" + bytes(15) + bytes(1024)


def hwpx() -> bytes:
    return _zip({"mimetype": b"application/hwp+zip", "Contents/section0.xml": b"<hs:sec/>"})


def pptx() -> bytes:
    return _zip({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p:presentation/>"})


def xlsx() -> bytes:
    return workbook("budget", [["year", "national"], [2026, 500_000_000]])


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)
