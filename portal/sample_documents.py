"""Small genuine documents for the demo data and the tests: a one-page PDF and an XLSX workbook."""
import io
import struct

from openpyxl import Workbook


def minimal_pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF showing ``lines`` (ASCII) in Helvetica; opens in any reader."""
    text = "\n".join(f"({line.replace('(', '[').replace(')', ']')}) Tj T*" for line in lines)
    stream = f"BT /F1 14 Tf 16 TL 72 760 Td\n{text}\nET".encode("ascii", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def workbook(title: str, rows: list[list[object]]) -> bytes:
    """An XLSX file with one sheet of ``rows``."""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _ole_name(name: str) -> tuple[bytes, int]:
    encoded = (name + "\0").encode("utf-16-le")
    return encoded.ljust(64, b"\0"), len(encoded)


def _ole_entry(name: str, kind: int, *, child: int = 0xFFFFFFFF, start: int = 0xFFFFFFFE, size: int = 0) -> bytes:
    encoded, length = _ole_name(name)
    return (encoded + struct.pack("<HBB3I", length, kind, 1, 0xFFFFFFFF, 0xFFFFFFFF, child) + bytes(16 + 4 + 16)
            + struct.pack("<IIi", start, size, 0))


def minimal_hwp(stream_name: str = "FileHeader", signature: bytes = b"HWP Document File") -> bytes:
    """An OLE compound file (version 3, 512-byte sectors) holding one 4,096-byte stream ``stream_name`` that starts
    with ``signature``: what an HWP 5 reader opens first. Sectors: 0 FAT, 1 directory, 2-9 the stream."""
    end, free = 0xFFFFFFFE, 0xFFFFFFFF
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + bytes(6) + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 0x1000, end, 0, end, 0)
              + struct.pack("<109I", 0, *([free] * 108)))
    fat = struct.pack("<128I", 0xFFFFFFFD, end, 3, 4, 5, 6, 7, 8, 9, end, *([free] * 118))
    empty = bytes(64) + struct.pack("<HBB3I", 0, 0, 0, free, free, free) + bytes(36) + struct.pack("<IIi", 0, 0, 0)
    directory = (_ole_entry("Root Entry", 5, child=1) + _ole_entry(stream_name, 2, start=2, size=4096)
                 + empty + empty)
    stream = (signature + bytes(15) + struct.pack("<I", 0x05000300)).ljust(4096, b"\0")
    return header + fat + directory + stream
