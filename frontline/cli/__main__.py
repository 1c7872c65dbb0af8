"""``python -m frontline.cli``: the ``frontline`` command."""

from frontline.cli import run

run()
