"""The ``frontline`` command: a thin shell over the library, one library call per command.

Diagnostics go to standard error, one line each (``error: FILE:ROW: message``); results go to
standard output or to the file named with ``-o``. A command exits non-zero when nothing could
be read, or when the environment is wrong (with a message that says how to fix it).

The commands live by stage: ``extract_cmds`` (reading articles, listing what is stored),
``fuse_cmds``, ``eval_cmds``, ``serve_cmds`` and ``geo_cmds``; ``common`` holds the shared
options and output helpers.
"""

from __future__ import annotations

import sys

import click

from frontline import __version__
from frontline.cli import eval_cmds, extract_cmds, fuse_cmds, geo_cmds, serve_cmds
from frontline.cli.common import _err
from frontline.errors import FrontlineError, SetupError


@click.group()
@click.version_option(__version__, prog_name="frontline")
def main() -> None:
    """frontline: war reporting in, coded, dated, geolocated and attributed events out."""


for _command in (
    extract_cmds.extract,
    extract_cmds.batch,
    extract_cmds.ingest,
    fuse_cmds.fuse,
    eval_cmds.eval_fusion,
    extract_cmds.events,
    extract_cmds.export,
    extract_cmds.places,
    eval_cmds.evaluate_command,
    fuse_cmds.control,
    eval_cmds.eval_control_command,
    fuse_cmds.credibility,
    fuse_cmds.sources,
    eval_cmds.eval_credibility,
    geo_cmds.gazetteer,
    serve_cmds.serve,
    serve_cmds.watch,
    geo_cmds.about,
):
    main.add_command(_command)


def run() -> None:
    """Entry point that turns frontline's errors into one-line messages and exit codes."""
    try:
        main(standalone_mode=True)
    except FrontlineError as exc:
        _err(f"error: {exc}")
        sys.exit(2 if isinstance(exc, SetupError) else 1)


__all__ = ["main", "run"]
