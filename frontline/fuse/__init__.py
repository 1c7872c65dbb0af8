"""fuse stage: claims from many articles become events, with their sources and disagreements.

``fuse_claims(events)`` is the pure core (:mod:`frontline.fuse.fusion`); copies are found by
:mod:`frontline.fuse.copies`; outlets' camps come from :mod:`frontline.fuse.outlets`;
``fuse_store(store)`` (in :mod:`frontline.fuse.update`) runs it over a database. See
docs/fusion.md for the rules.
"""

from __future__ import annotations

from frontline.fuse.copies import Copies, Fingerprint, find_copies, fingerprint
from frontline.fuse.fusion import Fusion, fuse_claims
from frontline.fuse.outlets import OutletDirectory, OutletInfo

__all__ = [
    "Copies",
    "Fingerprint",
    "Fusion",
    "OutletDirectory",
    "OutletInfo",
    "find_copies",
    "fingerprint",
    "fuse_claims",
]
