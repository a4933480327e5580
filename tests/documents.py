"""Uploads for tests: genuine small files of each accepted format, and impostors."""
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from portal.sample_documents import minimal_hwp, minimal_pdf, workbook


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
    return minimal_hwp()


def hwpx() -> bytes:
    return _zip({"mimetype": b"application/hwp+zip", "Contents/section0.xml": b"<hs:sec/>"})


def pptx() -> bytes:
    return _zip({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p:presentation/>"})


def xlsx() -> bytes:
    return workbook("budget", [["year", "national"], [2026, 500_000_000]])


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def hwpx_bomb(inflated: int = 64 * 1024 * 1024) -> bytes:
    """An HWPX whose ``mimetype`` entry names the format and then inflates to ``inflated`` bytes of spaces: a few
    hundred KB on the wire. Its declared compression ratio is ~1000 to 1."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("mimetype", "w", force_zip64=True) as entry:
            entry.write(b"application/hwp+zip")
            block = b" " * (1024 * 1024)
            for _ in range(inflated // len(block)):
                entry.write(block)
        archive.writestr("Contents/section0.xml", b"<hs:sec/>")
    return buffer.getvalue()


def fake_hwp() -> bytes:
    """567 bytes: OLE's magic number and the text "HWP Document File", but no OLE container at all."""
    return (bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504) + b"HWP Document File").ljust(567, b"\0")


def xlsx_bomb(inflated: int = 64 * 1024 * 1024) -> bytes:
    """An XLSX whose one sheet inflates to ``inflated`` bytes of spaces (compressed ~1000 to 1)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry:
            block = b" " * (1024 * 1024)
            for _ in range(inflated // len(block)):
                entry.write(block)
    return buffer.getvalue()
