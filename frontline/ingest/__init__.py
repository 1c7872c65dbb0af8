"""The ingest stage: files, directories and feed URLs in, :class:`~frontline.records.Document`
records (and :class:`~frontline.records.Diagnostic` for each problem) out.

Readers: plain text, HTML (trafilatura), RSS/Atom (feedparser), CSV and JSONL (FA-KES
recognised). Cleaning never edits the text; it lists ranges to ignore (``Document.ignored``).
"""

from __future__ import annotations

from frontline.ingest.cleaning import Cleaning, clean
from frontline.ingest.options import ColumnMapping, ReadOptions
from frontline.ingest.outlets import outlet_code, outlet_display_name
from frontline.ingest.reader import iter_documents

__all__ = [
    "Cleaning",
    "ColumnMapping",
    "ReadOptions",
    "clean",
    "iter_documents",
    "outlet_code",
    "outlet_display_name",
]
