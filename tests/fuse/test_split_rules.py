"""The splitting rules an analyst edits in ``frontline/data/fusion.toml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontline.errors import SetupError
from frontline.fuse.rules import DATA_FILE, default_rules, load_rules


def test_vague_kinds_join_the_gas_with_its_delivery_and_keep_shelling_apart() -> None:
    rules = default_rules()
    assert rules.kind("Chemical weapon") == rules.kind("Air/drone strike")
    assert rules.kind("Suicide bomb") == rules.kind("Remote explosive/landmine/IED")
    assert rules.kind("Shelling/artillery/missile attack") != rules.kind("Air/drone strike")
    # a sub-type in no group is a kind of its own, though the sub-type groups join it
    assert rules.subtypes_join("Shelling/artillery/missile attack", "Air/drone strike")
    assert rules.kind("Armed clash") != rules.kind("Government regains territory")
    assert rules.toll_factor == 2.0


def test_a_rules_file_without_the_toll_factor_is_a_setup_error_naming_it(tmp_path: Path) -> None:
    text = DATA_FILE.read_text(encoding="utf-8")
    broken = tmp_path / "fusion.toml"
    broken.write_text(text.replace("vague_factor = 2.0", ""), encoding="utf-8")
    with pytest.raises(SetupError, match=r"fusion\.toml"):
        load_rules(broken)
    edited = tmp_path / "edited.toml"
    edited.write_text(text.replace("vague_factor = 2.0", "vague_factor = 3.5"), encoding="utf-8")
    assert load_rules(edited).toll_factor == 3.5
