from __future__ import annotations

import pytest

from frontline.errors import SetupError
from frontline.store import DEFAULT_URL, resolve_url
from frontline.store.url import display_url


@pytest.mark.parametrize(
    ("cli", "env", "expected"),
    [
        (None, None, DEFAULT_URL),
        (None, "", DEFAULT_URL),
        (None, "events.db", "sqlite:///events.db"),
        ("cli.db", "env.db", "sqlite:///cli.db"),
        ("/data/frontline.db", None, "sqlite:////data/frontline.db"),
        ("sqlite:///x.db", None, "sqlite:///x.db"),
        (None, "postgresql://u@db:5432/fl", "postgresql+psycopg://u@db:5432/fl"),
        ("postgres://u@db/fl", None, "postgresql+psycopg://u@db/fl"),
        ("postgresql+psycopg://u@db/fl", None, "postgresql+psycopg://u@db/fl"),
    ],
)
def test_url_resolve_precedence_and_mapping(
    monkeypatch: pytest.MonkeyPatch, cli: str | None, env: str | None, expected: str
) -> None:
    if env is None:
        monkeypatch.delenv("FRONTLINE_DB", raising=False)
    else:
        monkeypatch.setenv("FRONTLINE_DB", env)
    assert resolve_url(cli) == expected


def test_url_display_hides_the_password() -> None:
    shown = display_url("postgresql+psycopg://analyst:hunter2@db:5432/fl")
    assert shown == "postgresql://analyst:***@db:5432/fl"


def test_url_rejects_nonsense() -> None:
    with pytest.raises(SetupError, match="FRONTLINE_DB"):
        resolve_url("not a url://at all")
