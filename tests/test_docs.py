"""Docs that cannot drift: every command and option of ``frontline`` is in README.md.

The click group is walked, so a command or option added without a line in the README's
"Command reference" table fails here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from frontline.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"
_COMMAND_WORD = re.compile(r"[a-z][a-z0-9-]*")


def walk(command: click.Command, path: tuple[str, ...]) -> Iterator[tuple[str, click.Command]]:
    """(``frontline sub cmd``, command) for the group and everything under it."""
    yield " ".join(path), command
    if isinstance(command, click.Group):
        for name, sub in sorted(command.commands.items()):
            if not sub.hidden:
                yield from walk(sub, (*path, name))


COMMANDS = dict(walk(main, ("frontline",)))


def long_flags(command: click.Command) -> list[str]:
    """Each visible option's ``--flag`` names (``--help`` left out: click adds it)."""
    flags: list[str] = []
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            flags.extend(o for o in param.opts if o.startswith("--"))
    return flags


def mentions(text: str, flag: str) -> bool:
    """Whether ``flag`` occurs in ``text`` as a whole flag (``--out`` is not ``--output``)."""
    return re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", text) is not None


def reference_rows(text: str) -> dict[str, str]:
    """The "Command reference" table: command path -> its whole row."""
    section = text.split("## Command reference", 1)[1]
    rows: dict[str, str] = {}
    for line in section.splitlines():
        match = re.match(r"\| `(frontline[^`]*)`", line)
        if match:
            words = [w for w in match[1].split() if _COMMAND_WORD.fullmatch(w)]
            rows[" ".join(words)] = line
    return rows


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


def test_docs_walk_finds_every_command() -> None:
    assert {"frontline extract", "frontline ingest", "frontline places"} <= set(COMMANDS)
    assert "frontline gazetteer build" in COMMANDS


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_docs_readme_mentions_each_command(name: str, readme: str) -> None:
    assert f"`{name}" in readme, f"README.md does not mention `{name}`"


@pytest.mark.parametrize(
    "name", sorted(n for n, c in COMMANDS.items() if not isinstance(c, click.Group) or c.params)
)
def test_docs_command_reference_lists_each_option(name: str, readme: str) -> None:
    rows = reference_rows(readme)
    assert name in rows, f"README.md's Command reference has no row for `{name}`"
    missing = [f for f in long_flags(COMMANDS[name]) if not mentions(rows[name], f)]
    assert not missing, f"README.md's row for `{name}` lacks {missing}"


def test_docs_command_reference_names_only_real_commands(readme: str) -> None:
    assert set(reference_rows(readme)) <= set(COMMANDS)
