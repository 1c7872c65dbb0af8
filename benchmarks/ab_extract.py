"""Before and after a speed change: the same extraction output, and how much faster.

Run (from the repository root)::

    .venv/bin/python benchmarks/ab_extract.py --base 6fbdcc3 \\
        --paths frontline/extract/sentences.py frontline/extract/lexicon.py --runs 2

Two trees are exported from git (nothing in the checkout changes): *after* is ``HEAD``;
*before* is ``HEAD`` with ``--paths`` taken from ``--base`` (all of ``--base`` when no paths
are given), so that other work committed since does not blur the comparison. Both extract
the FA-KES dev corpus and the example article with ``frontline extract --format jsonl``
(and, with ``--synthetic N``, N articles recombined as ``bench_extract.py --synthetic``
makes them); the outputs must be byte for byte the same. Then ``bench_extract.py`` (this
checkout's) runs on each tree in turn, ``--runs`` times, each in a fresh process pinned to
one core, and the best docs per CPU-second of each tree is reported with the peak RSS. CPU
time, not wall time: on a shared machine another process's load stretches wall time but
hardly CPU time.
"""

from __future__ import annotations

import argparse
import filecmp
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ("samples/fakes_dev.csv", "samples/aleppo_2016-11-28_trt.txt")
_CPU = re.compile(r"in CPU time\s+[\d.]+ s\s+([\d.,]+) docs per CPU-second")
_RSS = re.compile(r"peak RSS \(ru_maxrss\)\s+([\d.]+) MB")


def export(ref: str, folder: Path, paths: list[str], base: str | None) -> None:
    """``ref``'s tree into ``folder``, with ``paths`` from ``base`` when given."""
    folder.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    for path in paths if base else []:
        text = subprocess.run(
            ["git", "show", f"{base}:{path}"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        (folder / path).write_bytes(text)


_WRITE_SYNTHETIC = """
import csv, sys
from pathlib import Path
import bench_extract
count, source, out = int(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
rows = bench_extract.synthetic_rows(bench_extract.load_rows(source), count)
with out.open("w", encoding="utf-8", newline="") as handle:
    writer = csv.writer(handle)
    writer.writerow(bench_extract.FAKES_HEADER)
    writer.writerows(rows)
"""


def write_synthetic(count: int, path: Path) -> None:
    """``count`` articles recombined from FA-KES dev by ``bench_extract.py``'s own generator
    and seed, in one CSV; in a child process, so that this one stays small (a child's peak
    RSS starts from its parent's)."""
    env = {"PYTHONPATH": str(ROOT / "benchmarks"), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-c", _WRITE_SYNTHETIC, str(count), str(ROOT / CORPUS[0])]
    subprocess.run([*command, str(path)], cwd=ROOT, env=env, check=True)


def extract(tree: Path, corpus: tuple[str, ...] = CORPUS, out: Path | None = None) -> bytes:
    """The JSONL of ``corpus``; written to ``out`` instead of returned when given."""
    code = "from frontline.cli import run; run()"
    command = [sys.executable, "-c", code, "extract", *corpus, "--format", "jsonl"]
    env = {"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"}
    if out is not None:
        with out.open("wb") as handle:
            subprocess.run(command, cwd=tree, env=env, stdout=handle, stderr=subprocess.DEVNULL)
        return b""
    done = subprocess.run(command, cwd=tree, env=env, capture_output=True, check=True)
    return done.stdout


def lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle)


def bench(tree: Path) -> tuple[float, float]:
    script = ROOT / "benchmarks" / "bench_extract.py"
    env = {"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, str(script), "--corpus", str(tree / CORPUS[0]), "--profile", "0"]
    out = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True, check=True)
    cpu, rss = _CPU.search(out.stdout), _RSS.search(out.stdout)
    if cpu is None or rss is None:
        raise SystemExit(f"unexpected bench_extract.py output:\n{out.stdout}")
    return float(cpu.group(1).replace(",", "")), float(rss.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--base", required=True, help="the git revision before the change")
    parser.add_argument("--paths", nargs="*", default=[], help="files to take from --base")
    parser.add_argument("--runs", type=int, default=2, help="bench runs per tree (0: none)")
    parser.add_argument(
        "--synthetic", type=int, default=0, help="also compare output over N synthetic articles"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ab_extract_") as tmp:
        before, after = Path(tmp, "before"), Path(tmp, "after")
        if args.paths:
            export("HEAD", before, args.paths, args.base)
        else:
            export(args.base, before, [], None)
        export("HEAD", after, [], None)
        old, new = extract(before), extract(after)
        same = "the same" if old == new else "DIFFERENT"
        print(f"extraction output: {same} ({len(new.splitlines()):,} events)")
        same_output = old == new
        if args.synthetic:
            corpus = Path(tmp, "synthetic.csv")
            write_synthetic(args.synthetic, corpus)
            outputs = Path(tmp, "before.jsonl"), Path(tmp, "after.jsonl")
            for tree, output in zip((before, after), outputs, strict=True):
                extract(tree, (str(corpus),), output)
            identical = filecmp.cmp(*outputs, shallow=False) and lines(outputs[1]) > 0
            same = "the same" if identical else "DIFFERENT"
            count = lines(outputs[1])
            print(f"synthetic output ({args.synthetic:,} articles): {same} ({count:,} events)")
            same_output = same_output and identical
        best: dict[str, tuple[float, float]] = {}
        ratios: list[float] = []  # each run's after / before: the two ran back to back
        for run in range(args.runs):
            speeds = []
            for name, tree in (("before", before), ("after", after)):
                speed, rss = bench(tree)
                print(
                    f"run {run + 1} {name:<6} {speed:7.1f} docs per CPU-second, peak {rss:.0f} MB"
                )
                best[name] = max(best.get(name, (0.0, 0.0)), (speed, rss))
                speeds.append(speed)
            ratios.append(speeds[1] / speeds[0])
        if best:
            was, now = best["before"][0], best["after"][0]
            print(f"best: before {was:.1f}, after {now:.1f} docs per CPU-second ({now / was:.2f}x)")
            # on a shared machine the load moves between runs: the ratio within a run, taken
            # back to back, is steadier than either tree's best
            print(f"median of the runs' after/before ratios: {statistics.median(ratios):.2f}x")
    return 0 if same_output else 1


if __name__ == "__main__":
    raise SystemExit(main())
