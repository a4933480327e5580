"""Reading a paper back as its reader would: the PDF's text (pypdf), checked for Korean, the receipt number and
the digest printed in its footer."""
import io
import re

from pypdf import PdfReader


def pdf_text(response) -> str:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def assert_paper(response, *, receipt_number: str, korean: str, digest: str | None = None) -> str:
    """The paper's text, after checking it carries ``korean`` words, the receipt number and a SHA-256 digest
    (``digest`` when given). Returns the digest found."""
    text = pdf_text(response)
    assert korean in text, text[:400]
    assert receipt_number in text
    flat = re.sub(r"\s+", "", text)
    found = re.search(r"SHA-256([0-9a-f]{64})", flat)
    assert found, text[-400:]
    if digest is not None:
        assert found.group(1) == digest
    return found.group(1)
