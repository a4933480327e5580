import pytest
from django.core.exceptions import ValidationError

from core.uploads import check_upload, sniff_format
from tests import documents
from tests.documents import upload

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(("name", "build", "expected"), [
    ("사업계획서.pdf", documents.pdf, "pdf"), ("사업계획서.hwp", documents.hwp, "hwp"),
    ("사업계획서.HWPX", documents.hwpx, "hwpx"), ("발표자료.pptx", documents.pptx, "pptx"),
    ("예산.xlsx", documents.xlsx, "xlsx"),
])
def test_each_accepted_format_is_recognised_by_its_content(name, build, expected):
    content = build()  # once: an XLSX built again a second later compresses its timestamps to another length
    checked = check_upload(upload(name, content))
    assert (checked.file_format, checked.original_name) == (expected, name)
    assert len(checked.sha256) == 64 and checked.size_bytes == len(content)


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


def test_a_hwpx_whose_mimetype_inflates_is_refused_reading_only_its_directory():
    """Issue 21's example at a sixteenth of its size: the check must not inflate what it refuses."""
    import tracemalloc

    bomb = documents.hwpx_bomb()
    assert len(bomb) < 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError) as refused:
            check_upload(upload("사업계획서.hwpx", bomb))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refused.value.code == "archive_limits"
    assert peak < 4 * 1024 * 1024


def test_an_archive_with_too_many_entries_or_bytes_is_refused(settings):
    many = documents._zip({"[Content_Types].xml": b"<Types/>",
                           **{f"xl/worksheets/sheet{n}.xml": b"<x/>" for n in range(20)}})
    settings.PORTAL_ARCHIVE_MAX_ENTRIES = 10
    with pytest.raises(ValidationError, match="unpacks to more"):
        check_upload(upload("예산.xlsx", many))
    settings.PORTAL_ARCHIVE_MAX_ENTRIES, settings.PORTAL_ARCHIVE_MAX_BYTES = 5000, 1000
    with pytest.raises(ValidationError, match="unpacks to more"):
        check_upload(upload("예산.xlsx", documents.xlsx()))


def test_a_fake_hwp_of_magic_and_signature_is_refused_and_a_real_one_is_read_with_olefile():
    fake = documents.fake_hwp()
    assert len(fake) == 567
    with pytest.raises(ValidationError) as refused:
        check_upload(upload("사업계획서.hwp", fake))
    assert refused.value.code == "content_mismatch"
    from portal.sample_documents import minimal_hwp

    assert sniff_format(upload("a.hwp", minimal_hwp())) == "hwp"
    assert sniff_format(upload("a.hwp", minimal_hwp(stream_name="WordDocument"))) is None  # an old .doc
    assert sniff_format(upload("a.hwp", minimal_hwp(signature=b"Not HWP at all..."))) is None


@pytest.mark.parametrize(("sent", "kept"), [
    ("\u1109\u1161\u110b\u1165\u11b8\u1100\u1168\u1112\u116c\u11a8\u1109\u1165.pdf", "사업계획서.pdf"),  # NFD
    ("C:\\Users\\kim\\사업계획서.pdf", "사업계획서.pdf"),
    ("사업\x00계획\u202e서.pdf", "사업계획서.pdf"),
])
def test_file_names_are_kept_in_nfc_without_folders_or_control_characters(sent, kept):
    assert check_upload(upload(sent, documents.pdf())).original_name == kept


def _broken_zips(content: bytes):
    """``content`` (a zip) broken the ways a damaged or hostile file is: each central-directory entry "made by" a
    version ``zipfile`` does not know, the directory cut short, and the
    file cut at every 97th byte."""
    directory = content.find(b"PK\x01\x02")
    unknown = bytearray(content)
    unknown[directory + 6] = 0x93  # "version needed to extract": 14.7
    yield bytes(unknown)
    yield content[:directory + 20]
    for cut in range(8, len(content), 97):
        yield content[:cut]


@pytest.mark.parametrize("name", ["plan.hwpx", "plan.pptx", "plan.xlsx"])
def test_a_broken_archive_is_refused_as_not_what_its_name_says(name):
    """A zip whose directory ``zipfile`` cannot read (it raised NotImplementedError for an unknown "version
    needed", a 500 on every upload door) is refused like any other file that is not what its name says."""
    build = {"hwpx": documents.hwpx, "pptx": documents.pptx, "xlsx": documents.xlsx}[name.rsplit(".", 1)[1]]
    for broken in _broken_zips(build()):
        with pytest.raises(ValidationError) as refused:
            check_upload(upload(name, broken))
        assert refused.value.code in {"content_mismatch", "archive_limits", "empty"}
