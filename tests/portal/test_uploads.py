import pytest
from django.core.exceptions import ValidationError

from portal.uploads import check_upload, sniff_format
from tests import documents
from tests.documents import upload

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(("name", "build", "expected"), [
    ("사업계획서.pdf", documents.pdf, "pdf"), ("사업계획서.hwp", documents.hwp, "hwp"),
    ("사업계획서.HWPX", documents.hwpx, "hwpx"), ("발표자료.pptx", documents.pptx, "pptx"),
    ("예산.xlsx", documents.xlsx, "xlsx"),
])
def test_each_accepted_format_is_recognised_by_its_content(name, build, expected):
    checked = check_upload(upload(name, build()))
    assert (checked.file_format, checked.original_name) == (expected, name)
    assert len(checked.sha256) == 64 and checked.size_bytes == len(build())


@pytest.mark.parametrize(("name", "content"), [
    ("사업계획서.pdf", b"MZ\x90\x00 this is a Windows program"),
    ("사업계획서.hwp", documents.pdf()),
    ("발표자료.pptx", documents.xlsx()),
    ("사업계획서.hwp", bytes.fromhex("D0CF11E0A1B11AE1") + bytes(2048)),  # an old .doc, not HWP
    ("예산.xlsx", b"PK\x03\x04 not really a zip"),
])
def test_a_file_that_is_not_what_its_name_says_is_refused(name, content):
    with pytest.raises(ValidationError) as refused:
        check_upload(upload(name, content))
    assert refused.value.code == "content_mismatch"
    assert "its content is not a" in refused.value.message % refused.value.params


def test_an_unlisted_kind_is_refused_with_the_accepted_list():
    with pytest.raises(ValidationError) as refused:
        check_upload(upload("photo.jpg", b"\xff\xd8\xff\xe0"))
    assert refused.value.code == "extension"
    assert "PDF, HWP, HWPX, PPTX, XLSX" in refused.value.message % refused.value.params


def test_an_oversized_file_is_refused_with_both_sizes(settings):
    settings.PORTAL_MAX_UPLOAD_BYTES = 1024
    with pytest.raises(ValidationError) as refused:
        check_upload(upload("big.pdf", documents.pdf() + bytes(2048)))
    assert refused.value.code == "too_large"
    assert "the limit is 1.0\xa0KB" in refused.value.message % refused.value.params


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError, match="empty"):
        check_upload(upload("empty.pdf", b""))


def test_sniffing_leaves_the_file_at_its_start():
    stream = upload("a.pdf", documents.pdf())
    assert sniff_format(stream) == "pdf" and stream.tell() == 0
