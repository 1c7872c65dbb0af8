"""The ingest stage's entry point: any mix of files, directories and feed URLs in, documents
(and diagnostics) out.

Which reader reads a file: its extension (``.txt`` text, ``.html``/``.htm`` web page,
``.xml``/``.rss``/``.atom`` feed, ``.csv``, ``.jsonl``/``.ndjson``), corrected by a look at the
content (a ``.html`` or unknown file that is an RSS/Atom document is read as a feed). A
directory is read recursively, in sorted order, keeping only files with those extensions
(hidden files and folders skipped). An ``http(s)://`` input is a feed URL.

One bad input never stops the batch: it becomes a :class:`~frontline.records.Diagnostic`
and reading goes on with the next file or row.
"""

from __future__ import annotations

import http.client
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from frontline.errors import InputError, SetupError
from frontline.ingest.decoding import decode, looks_binary, read_bytes
from frontline.ingest.feeds import read_feed
from frontline.ingest.htmlpage import read_html
from frontline.ingest.options import ReadOptions
from frontline.ingest.plaintext import read_text
from frontline.ingest.tables import read_csv, read_jsonl
from frontline.records import Diagnostic, Document

KINDS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_SINGLE_DOCUMENT_KINDS = ("text", "html")
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)[\s>]", re.IGNORECASE)
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
_SNIFF_CHARS = 2048


@dataclass(frozen=True, slots=True)
class _Input:
    origin: str
    path: Path | None = None  # None for a URL
    kind: str | None = None  # None: decided from the content


def is_url(name: str) -> bool:
    """Whether an input names a feed URL rather than a path."""
    return name.lower().startswith(("http://", "https://"))


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _expand(paths: Iterable[str | Path]) -> Iterator[_Input | Diagnostic]:
    for given in paths:
        name = str(given)
        if isinstance(given, str) and is_url(name):
            yield _Input(name, None, "feed")
            continue
        path = Path(given)
        if not path.is_dir():
            yield _Input(name, path, KINDS.get(path.suffix.lower()))
            continue
        files = sorted(
            found
            for found in path.rglob("*")
            if found.suffix.lower() in KINDS and found.is_file() and not _hidden(found, path)
        )
        if not files:
            known = " ".join(sorted(KINDS))
            yield Diagnostic("warning", name, f"no files to read in this directory ({known})")
        for found in files:
            yield _Input(str(found), found, KINDS[found.suffix.lower()])


def sniff(text: str, kind: str | None) -> str:
    """The reader for a file of extension kind ``kind`` (``None``: unknown) given its text."""
    if kind in ("text", "csv", "jsonl", "feed"):
        return kind
    head = text[:_SNIFF_CHARS]
    is_html = _HTML_START.match(head) is not None
    if _FEED_ROOT.search(head) and not is_html:
        return "feed"
    if kind == "html" or is_html:
        return "html"
    return "jsonl" if head.lstrip().startswith("{") else "text"


def _fetch(url: str, options: ReadOptions) -> bytes:
    try:
        return options.fetch(url)
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise InputError(url, f"cannot fetch the feed: {exc}; check the URL") from None


def _read_file(item: _Input, path: Path, options: ReadOptions) -> Iterator[Document | Diagnostic]:
    data = read_bytes(path, item.origin)
    if item.kind == "feed":
        if looks_binary(data):
            raise InputError(item.origin, "binary file, not text; expected an RSS/Atom feed")
        yield from read_feed(data, item.origin, options)
        return
    decoded = decode(data, item.origin)
    if decoded.warning:
        yield Diagnostic("warning", item.origin, decoded.warning)
    kind = sniff(decoded.text, item.kind)
    stem = path.stem
    if kind == "feed":
        yield from read_feed(data, item.origin, options)
    elif kind == "html":
        yield from read_html(decoded.text, item.origin, stem, options)
    elif kind == "csv":
        yield from read_csv(decoded.text, item.origin, stem, options)
    elif kind == "jsonl":
        yield from read_jsonl(decoded.text, item.origin, stem, options)
    else:
        yield from read_text(decoded.text, item.origin, stem, options)


def _read_one(item: _Input, options: ReadOptions) -> Iterator[Document | Diagnostic]:
    try:
        if item.path is None:
            yield from read_feed(_fetch(item.origin, options), item.origin, options)
        else:
            yield from _read_file(item, item.path, options)
    except InputError as exc:
        yield Diagnostic("error", exc.origin, exc.reason, exc.line)


def _check_doc_id(inputs: list[_Input | Diagnostic], options: ReadOptions) -> None:
    files = [item for item in inputs if isinstance(item, _Input)]
    if len(files) != 1 or files[0].kind not in (*_SINGLE_DOCUMENT_KINDS, None):
        names = ", ".join(item.origin for item in files[:3]) + (" ..." if len(files) > 3 else "")
        raise SetupError(
            f"a document id ({options.doc_id!r}) names one document: give a single text or "
            f"HTML file, not {len(files)} input(s) ({names or 'none'}); or drop the id"
        )


_DEFAULT_OPTIONS = ReadOptions()


def iter_documents(
    paths: Iterable[str | Path], options: ReadOptions = _DEFAULT_OPTIONS
) -> Iterator[Document | Diagnostic]:
    """Read every input in turn: each article as a Document, each problem as a Diagnostic.

    ``paths`` mixes files, directories (read recursively) and ``http(s)`` feed URLs (a single
    path or URL is accepted too). Raises
    :class:`~frontline.errors.SetupError` only for options that cannot apply (a ``doc_id``
    with more than one input); a bad input never raises.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    inputs: Iterable[_Input | Diagnostic] = _expand(paths)
    if options.doc_id is not None:
        inputs = list(inputs)
        _check_doc_id(inputs, options)
    return _read_all(inputs, options)


def _read_all(
    inputs: Iterable[_Input | Diagnostic], options: ReadOptions
) -> Iterator[Document | Diagnostic]:
    for item in inputs:
        if isinstance(item, Diagnostic):
            yield item
        else:
            yield from _read_one(item, options)
