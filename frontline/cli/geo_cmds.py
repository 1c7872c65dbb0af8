"""The gazetteer command group, and about (version and data licences)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from frontline import __version__


@click.group()
def gazetteer() -> None:
    """The offline gazetteer: build it from source files."""


@gazetteer.command("build")
@click.option(
    "--source",
    "source_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("data/geo"),
    show_default=True,
    help="Folder of gazetteer source files.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the index (default: the package's own).",
)
def gazetteer_build(source_dir: Path, out_dir: Path | None) -> None:
    """Build the gazetteer index from a folder of GeoNames / OCHA / OpenSyria / city files."""
    from frontline.geo.build import build_index
    from frontline.geo.normalize import GAZETTEER_DIR

    manifest = build_index(source_dir, out_dir or GAZETTEER_DIR)
    click.echo(json.dumps(manifest.to_dict(), indent=2, ensure_ascii=False))


@click.command()
def about() -> None:
    """Version, and the licences and attributions of the bundled data."""
    from importlib import resources

    click.echo(f"frontline {__version__}")
    attribution = resources.files("frontline.data").joinpath("gazetteer/ATTRIBUTION.md")
    if attribution.is_file():
        click.echo(attribution.read_text(encoding="utf-8"))
