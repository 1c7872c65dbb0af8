"""Bytes to text: UTF-8 first, then Windows-1256 (Arabic), then Latin-1, each fallback said.

A file with NUL bytes or mostly control bytes is binary and refused: it is not an article.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from frontline.errors import InputError

_SNIFF_BYTES = 8192
_MAX_CONTROL_SHARE = 0.10
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_EXPECTED = "give a text, HTML, feed, CSV or JSONL file"
_WORD = re.compile(r"[^\W\d_]+")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text and how it was decoded; ``warning`` says when it was not UTF-8."""

    text: str
    encoding: str
    warning: str | None = None


def read_bytes(path: Path, origin: str) -> bytes:
    """The bytes of ``path``; an :class:`InputError` naming it when it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(origin, "no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(origin, "is a directory, expected a file") from None
    except OSError as exc:
        raise InputError(origin, f"cannot read the file: {exc.strerror or exc}") from None


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` is binary rather than text: a NUL byte, or too many control bytes."""
    head = data[:_SNIFF_BYTES]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(
        1 for byte in head if (byte < 0x20 or byte == 0x7F) and byte not in _TEXT_CONTROLS
    )
    return controls / len(head) > _MAX_CONTROL_SHARE


def _plausible_arabic(text: str) -> bool:
    """Whether a Windows-1256 reading looks like Arabic text rather than mis-read Latin-1.

    Mis-read Latin-1 puts Arabic letters inside Latin words ("estلn"); real Arabic keeps
    the two scripts in separate words.
    """
    return not any(_ARABIC.search(word) and _LATIN.search(word) for word in _WORD.findall(text))


def decode(data: bytes, origin: str) -> Decoded:
    """Decode a file's bytes (BOM removed); :class:`InputError` when the file is binary."""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), "utf-16")
            except UnicodeDecodeError:
                break
    if looks_binary(data):
        raise InputError(origin, f"binary file, not text; {_EXPECTED}")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError as exc:
        where = f"byte {exc.start}"
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if text and _plausible_arabic(text):
        return Decoded(
            text, "cp1256", f"not UTF-8 ({where}); decoded as Windows-1256 (Arabic), check the text"
        )
    warning = f"not UTF-8 ({where}); decoded as Latin-1, check the text"
    return Decoded(data.decode("latin-1"), "latin-1", warning)
