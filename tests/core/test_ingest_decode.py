"""Bytes to text: binary files refused, encodings found, mojibake repaired."""

from __future__ import annotations

import gzip
import io
import zipfile

import pytest

from vocabsphere.core.errors import InvalidInput
from vocabsphere.core.ingest.decode import decode_document

TEXT = "Café owners in Zürich said the new rules were “unfair” – and they’ll appeal. Naïve? Perhaps."


def test_plain_utf8() -> None:
    assert decode_document(TEXT.encode("utf-8")) == TEXT


def test_utf8_with_bom_has_no_bom_in_text() -> None:
    assert decode_document(b"\xef\xbb\xbf" + TEXT.encode("utf-8")) == TEXT


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_bom(codec: str) -> None:
    assert decode_document(TEXT.encode(codec)) == TEXT


def test_utf16_declared_without_bom() -> None:
    assert decode_document(TEXT.encode("utf-16-le"), declared_charset="UTF-16LE") == TEXT


def test_declared_windows_1252() -> None:
    assert decode_document(TEXT.encode("cp1252"), declared_charset="windows-1252") == TEXT


def test_undeclared_legacy_encoding_is_detected() -> None:
    text = (
        "Les habitants de la région ont été très surpris par la décision du maire, "
        "qui a déclaré que les écoles fermeraient à midi pendant l'été. "
    ) * 3
    assert decode_document(text.encode("cp1252")) == text


def test_wrong_declared_charset_falls_back() -> None:
    # Declared UTF-8, but the bytes are Latin-1: strict UTF-8 fails and detection takes over.
    text = "Le café était fermé à cause de la grève des employés du métro parisien. " * 3
    decoded = decode_document(text.encode("latin-1"), declared_charset="utf-8")
    assert "café" in decoded and "\ufffd" not in decoded


def test_utf8_read_as_latin1_is_repaired() -> None:
    # A server that says ISO-8859-1 for UTF-8 bytes would give "CafÃ©" and "theyâ€™ll".
    decoded = decode_document(TEXT.encode("utf-8"), declared_charset="iso-8859-1")
    assert decoded == TEXT


@pytest.mark.parametrize(
    ("broken", "fixed"), [("CafÃ© owners", "Café owners"), ("theyâ€™ll go", "they’ll go")]
)
def test_mojibake_inside_utf8_is_repaired(broken: str, fixed: str) -> None:
    assert decode_document(broken.encode("utf-8")) == fixed


def test_unknown_declared_label_is_ignored() -> None:
    assert decode_document(TEXT.encode("utf-8"), declared_charset="x-made-up") == TEXT


def test_curly_quotes_are_kept() -> None:
    assert "“unfair”" in decode_document(TEXT.encode("utf-8"))


def test_crlf_becomes_newline() -> None:
    assert decode_document(b"one\r\ntwo\rthree") == "one\ntwo\nthree"


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (_zip_bytes(), "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (gzip.compress(b"hello world", mtime=0), "GZIP"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    ],
)
def test_known_binary_formats_are_refused_by_name(data: bytes, kind: str) -> None:
    with pytest.raises(InvalidInput) as excinfo:
        decode_document(data, filename="upload.bin")
    message = excinfo.value.message
    assert message.startswith("The file “upload.bin” is not text")
    assert kind in message
    assert excinfo.value.field == "file"


def test_nul_bytes_are_refused() -> None:
    with pytest.raises(InvalidInput, match="is not text"):
        decode_document(b"some text\x00\x00\x00more text")


def test_many_control_characters_are_refused() -> None:
    data = bytes(range(1, 9)) * 20 + b"a few letters"
    with pytest.raises(InvalidInput, match="binary data"):
        decode_document(data)


@pytest.mark.parametrize("data", [b"", b"   \n\t  "])
def test_empty_file_is_refused(data: bytes) -> None:
    with pytest.raises(InvalidInput, match="empty"):
        decode_document(data)


def test_stray_control_characters_are_dropped() -> None:
    data = b"Hello\x07 world, this line of ordinary text carries one stray bell character."
    assert decode_document(data).startswith("Hello world, this")
