"""Every gold file in the repository passes the gold validator (schema, vocabulary, offsets)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
GOLD_FILES = sorted((ROOT / "data" / "gold").glob("*.jsonl"))


@pytest.mark.parametrize("gold", GOLD_FILES, ids=[p.name for p in GOLD_FILES])
def test_gold_files_pass_the_validator(gold: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gold_check.py"), str(gold)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
