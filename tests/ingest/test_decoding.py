"""Bytes to text: UTF-8, then Windows-1256, then Latin-1; binary refused."""

from __future__ import annotations

import codecs

import pytest

from frontline.errors import InputError
from frontline.ingest.decoding import decode, looks_binary

REPORT = "Regime forces shelled al-Qaterji on Sunday — “thousands” fled."


def test_decoding_utf8_bom_is_removed() -> None:
    decoded = decode(codecs.BOM_UTF8 + REPORT.encode("utf-8"), "a.txt")
    assert (decoded.text, decoded.encoding, decoded.warning) == (REPORT, "utf-8", None)


def test_decoding_utf16_with_bom() -> None:
    decoded = decode(codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"), "a.txt")
    assert decoded.text == REPORT


def test_decoding_arabic_windows_1256() -> None:
    text = "قوات النظام تسيطر على حي هنانو في حلب"
    decoded = decode(text.encode("cp1256"), "a.txt")
    assert (decoded.text, decoded.encoding) == (text, "cp1256")
    assert decoded.warning is not None and "Windows-1256" in decoded.warning


def test_decoding_latin1_when_1256_makes_no_sense() -> None:
    text = "Alepo está sitiada según la ONU, dijo el portavoz."
    decoded = decode(text.encode("latin-1"), "a.txt")
    assert (decoded.text, decoded.encoding) == (text, "latin-1")
    assert decoded.warning is not None and "byte" in decoded.warning


@pytest.mark.parametrize(
    "data",
    [b"PK\x03\x04\x14\x00\x00\x00\x08\x00", bytes(range(1, 32)) * 20, b"%PDF-1.4\n\x00\x01\x02"],
)
def test_decoding_binary_is_refused(data: bytes) -> None:
    assert looks_binary(data)
    with pytest.raises(InputError, match="binary file, not text") as caught:
        decode(data, "archive.txt")
    assert caught.value.origin == "archive.txt"


def test_decoding_text_is_not_binary() -> None:
    assert not looks_binary(REPORT.encode("utf-8"))
    assert not looks_binary(b"")
