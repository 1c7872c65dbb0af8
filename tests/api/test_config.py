"""Settings: the example file loads, the environment wins, bad values name where they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontline.config import Settings, load_settings
from frontline.errors import SetupError

EXAMPLE = Path(__file__).resolve().parents[2] / "frontline.example.toml"


def test_config_example_file_loads() -> None:
    settings = load_settings(EXAMPLE, environ={})
    assert settings.max_page_size == 1000 and settings.feeds == ()
    assert settings.factions["Military Forces of Syria"].startswith("#")


def test_config_environment_wins_over_the_file(tmp_path: Path) -> None:
    path = tmp_path / "f.toml"
    path.write_text('[api]\nrate_limit_per_minute = 10\ncors_origins = ["https://a.org"]\n')
    env = {"FRONTLINE_RATE_LIMIT": "0", "FRONTLINE_FEEDS": "https://x.org/rss, https://y.org/rss"}
    settings = load_settings(path, environ=env)
    assert settings.rate_limit_per_minute == 0 and settings.cors_origins == ("https://a.org",)
    assert settings.feeds == ("https://x.org/rss", "https://y.org/rss")


def test_config_reads_the_hosts_a_posted_feed_may_name(tmp_path: Path) -> None:
    path = tmp_path / "f.toml"
    path.write_text('[api]\nfetch_hosts = ["reuters.com", "sana.sy"]\n')
    assert load_settings(path, environ={}).fetch_hosts == ("reuters.com", "sana.sy")
    env = {"FRONTLINE_FETCH_HOSTS": "trt.net.tr"}
    assert load_settings(path, environ=env).fetch_hosts == ("trt.net.tr",)


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("[api]\nmax_request_bytes = 'big'\n", "[api] max_request_bytes"),
        ("[api]\nnot_a_key = 1\n", "unknown setting [api] not_a_key"),
        ("[map.factions]\nRebels = 'green'\n", "#rrggbb"),
        ("[api]\nprotect_reads = true\n", "no api token"),
        ("[api\n", "not valid TOML"),
    ],
)
def test_config_bad_file_names_the_setting(tmp_path: Path, content: str, needle: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(content)
    with pytest.raises(SetupError) as caught:
        load_settings(path, environ={})
    assert needle in str(caught.value)


def test_config_bad_environment_value_names_the_variable() -> None:
    with pytest.raises(SetupError) as caught:
        load_settings(None, environ={"FRONTLINE_PROTECT_READS": "maybe"})
    assert "FRONTLINE_PROTECT_READS" in str(caught.value)
    with pytest.raises(SetupError):
        Settings(page_size=2000, max_page_size=1000)
