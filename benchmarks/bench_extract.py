"""Extraction figures: documents/s on one core, events/s, characters/s, first-document latency,
peak memory, cache hit rates, and where the time goes (cProfile by module).

Run (from the repository root)::

    .venv/bin/python benchmarks/bench_extract.py                     # FA-KES dev, 480 articles
    .venv/bin/python benchmarks/bench_extract.py --repeat 105        # the same rows 105 times
    .venv/bin/python benchmarks/bench_extract.py --synthetic 50000   # recombined sentences
    .venv/bin/python benchmarks/bench_extract.py --synthetic 50000 --cold-caches

One process, pinned to one core where the OS allows (``os.sched_setaffinity``). Documents are
read with ``frontline.ingest.iter_documents`` and extracted with ``frontline.pipeline.run_one``;
reading and extraction are timed separately. Corpora stream: ``--repeat`` reads the CSV file N
times; ``--synthetic`` writes 1,000-row CSV chunks to a temporary folder one at a time (each
deleted once read), so the process never holds the whole corpus.

Synthetic articles are honest about caches: each takes the sentence count of a random FA-KES
article and draws that many sentences from random FA-KES articles (seeded), with a fresh id,
a random FA-KES title, source and location, and a random publication date in 2011-2018.
``--cold-caches`` clears frontline's bounded per-input caches (``functools.lru_cache`` with a
``maxsize``) after every document: the cost of a stream in which nothing repeats.

The profile (``--profile N``, default 300, 0 to skip) runs in a fresh child process over the
first N documents of the same corpus, after one warm-up document (so loading is left out).
Time spent outside frontline (``re``, dataclasses, builtins) is charged to the frontline
function that called it, split by the callers' shares.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import json
import multiprocessing
import os
import platform
import pstats
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from frontline.ingest import ReadOptions, iter_documents
from frontline.pipeline import run_one
from frontline.records import Diagnostic, Document

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / "samples" / "fakes_dev.csv"
TARGET_DOCS_PER_S = 250.0
TARGET_PEAK_MB = 500.0
CHUNK_ROWS = 1000
SEED = 2607278  # the FA-KES Zenodo record
FIRST_DAY = date(2011, 3, 15)
LAST_DAY = date(2018, 12, 31)
RSS_SAMPLES = 10
MIN_SHARE = 0.0005  # profile lines below 0.05% are not printed
WARM_UP_TEXT = (  # touches every lexicon and table, so the profile leaves loading out
    "Syrian government forces shelled Douma on Monday, killing at least 12 civilians, "
    "the Syrian Observatory for Human Rights said. According to state media, rebels "
    "seized the village of Tal Rifaat on 3 March 2016 and about 2,000 people fled to Azaz. "
    '"We will retake it," a military source told Reuters.'
)
FAKES_HEADER = ("unit_id", "article_title", "article_content", "source", "date", "location")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[\"“A-Z0-9])")
_STAGES = (
    ("lexicon", ("frontline.extract.lexicon",)),
    ("attribution", ("frontline.extract.attribution",)),
    ("places/geo", ("frontline.extract.places", "frontline.geo")),
    ("dates", ("frontline.extract.dates",)),
    ("numbers", ("frontline.extract.numbers", "frontline.extract.numerals")),
    ("numbers", ("frontline.extract.number_tables",)),
    ("sentences", ("frontline.extract.sentences",)),
    ("events/roles/clauses", ("frontline.extract.events", "frontline.extract.roles")),
    ("events/roles/clauses", ("frontline.extract.clauses",)),
    ("records/pipeline", ("frontline.records", "frontline.pipeline")),
)
_UNATTRIBUTED = "(outside frontline)"


# ---------------------------------------------------------------------------- the corpus


@dataclass(frozen=True, slots=True)
class Corpus:
    """Which documents to run: ``kind`` is ``plain``, ``repeat`` or ``synthetic``."""

    path: Path
    kind: str = "plain"
    count: int = 1  # repeat: how many passes; synthetic: how many articles

    def describe(self) -> str:
        if self.kind == "repeat":
            return f"{self.path.name} read {self.count} times (identical texts)"
        if self.kind == "synthetic":
            return f"{self.count:,} synthetic articles recombined from {self.path.name}"
        return self.path.name


@dataclass
class Clock:
    """Seconds spent in a section that another timer also covers (to subtract it)."""

    seconds: float = 0.0
    cpu_seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One article of the seed corpus, split into sentences."""

    title: str
    source: str
    location: str
    sentences: tuple[str, ...]


def load_rows(path: Path) -> list[SourceRow]:
    """The seed corpus's articles (FA-KES columns), sentences split by a plain regex.

    frontline's own splitter is not used here, so the synthetic corpus stays the same whatever
    the splitter under test does.
    """
    with path.open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    rows = []
    for record in records:
        text = " ".join(record.get("article_content", "").split())
        sentences = tuple(s for s in _SENTENCE_END.split(text) if s.strip())
        if sentences:
            rows.append(
                SourceRow(
                    record.get("article_title", ""),
                    record.get("source", ""),
                    record.get("location", ""),
                    sentences,
                )
            )
    return rows


def synthetic_rows(rows: list[SourceRow], count: int, seed: int = SEED) -> Iterator[list[str]]:
    """``count`` CSV rows (FA-KES columns) of recombined sentences, generated lazily."""
    rng = random.Random(seed)
    pool = [(i, s) for i, row in enumerate(rows) for s in row.sentences]
    days = (LAST_DAY - FIRST_DAY).days
    for number in range(count):
        template = rng.choice(rows)
        picked = rng.sample(pool, min(len(template.sentences), len(pool)))
        published = FIRST_DAY + timedelta(days=rng.randrange(days + 1))
        yield [
            f"syn{number:06d}",
            rng.choice(rows).title,
            " ".join(sentence for _, sentence in picked),
            template.source,
            published.strftime("%m/%d/%Y"),
            template.location,
        ]


def chunk_paths(rows: Iterator[list[str]], folder: Path, clock: Clock) -> Iterator[Path]:
    """Write ``rows`` as CSV files of ``CHUNK_ROWS`` rows, one at a time; each is deleted when
    the next is asked for. Time spent generating and writing goes to ``clock``."""
    number = 0
    while True:
        started, started_cpu = time.perf_counter(), time.process_time()
        batch = [row for _, row in zip(range(CHUNK_ROWS), rows, strict=False)]
        if not batch:
            clock.seconds += time.perf_counter() - started
            clock.cpu_seconds += time.process_time() - started_cpu
            return
        path = folder / f"chunk{number:05d}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(FAKES_HEADER)
            writer.writerows(batch)
        clock.seconds += time.perf_counter() - started
        clock.cpu_seconds += time.process_time() - started_cpu
        yield path
        path.unlink()
        number += 1


def read_corpus(corpus: Corpus, folder: Path, clock: Clock) -> Iterator[Document | Diagnostic]:
    """The corpus through ``iter_documents`` (time spent synthesising goes to ``clock``)."""
    if corpus.kind == "plain":
        return iter_documents([corpus.path], ReadOptions())
    if corpus.kind == "repeat":
        return iter_documents([corpus.path] * corpus.count, ReadOptions())
    started, started_cpu = time.perf_counter(), time.process_time()
    rows = synthetic_rows(load_rows(corpus.path), corpus.count)
    clock.seconds += time.perf_counter() - started
    clock.cpu_seconds += time.process_time() - started_cpu
    return iter_documents(chunk_paths(rows, folder, clock), ReadOptions())


# ---------------------------------------------------------------------------- caches, memory


def bounded_caches() -> dict[str, Any]:
    """frontline's per-input memo caches: ``lru_cache`` functions with a ``maxsize``.

    Unbounded ``functools.cache`` functions are loaders (lexicons, patterns) and are kept.
    """
    found: dict[str, Any] = {}
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("frontline.") or module is None:
            continue
        for attr, value in vars(module).items():
            info = getattr(value, "cache_info", None)
            own = getattr(value, "__module__", None) == name
            known = any(value is seen for seen in found.values())  # a second name for one
            if own and callable(info) and info().maxsize is not None and not known:
                found[f"{name}.{attr}"] = value
    return found


def cache_report(caches: dict[str, Any]) -> dict[str, dict[str, int]]:
    """Hits, misses, size and bound of each cache."""
    out = {}
    for name, function in caches.items():
        info = function.cache_info()
        out[name] = {
            "hits": info.hits,
            "misses": info.misses,
            "size": info.currsize,
            "maxsize": info.maxsize,
        }
    return out


def current_rss_mb() -> float:
    """The resident set size now (Linux /proc; 0.0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    """The process's peak resident set size (``ru_maxrss``: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def pin_to_one_core() -> int | None:
    """Pin this process to the last core it may use; ``None`` where the OS cannot."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    core = max(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return core


# ---------------------------------------------------------------------------- the timed run


@dataclass
class Run:
    """What one timed pass over a corpus measured."""

    corpus: str
    documents: int = 0
    events: int = 0
    characters: int = 0
    failures: int = 0
    diagnostics: int = 0
    first_failure: str | None = None
    generate_s: float = 0.0
    read_s: float = 0.0
    extract_s: float = 0.0
    read_cpu_s: float = 0.0  # CPU time of this process: what a loaded machine cannot inflate
    extract_cpu_s: float = 0.0
    first_document_s: float = 0.0
    rss_start_mb: float = 0.0
    rss_after_first_mb: float = 0.0
    rss_samples_mb: list[float] = field(default_factory=list)
    peak_rss_mb: float = 0.0
    tracemalloc_peak_mb: float | None = None
    caches: dict[str, dict[str, int]] = field(default_factory=dict)


def _extract_one(document: Document, run: Run) -> None:
    started, started_cpu = time.perf_counter(), time.process_time()
    try:
        extraction = run_one(document)
    except Exception as exc:  # a failing document is counted and named, not fatal
        run.failures += 1
        run.first_failure = run.first_failure or f"{document.doc_id}: {type(exc).__name__}: {exc}"
        extraction = None
    run.extract_s += time.perf_counter() - started
    run.extract_cpu_s += time.process_time() - started_cpu
    run.events += len(extraction.events) if extraction is not None else 0


def _next_item(
    items: Iterator[Document | Diagnostic], run: Run, clock: Clock
) -> Document | Diagnostic | None:
    started, generated = time.perf_counter(), clock.seconds
    started_cpu, generated_cpu = time.process_time(), clock.cpu_seconds
    item = next(items, None)
    run.read_s += time.perf_counter() - started - (clock.seconds - generated)
    run.read_cpu_s += time.process_time() - started_cpu - (clock.cpu_seconds - generated_cpu)
    return item


def _after_document(run: Run, expected: int, clear: list[Callable[[], None]]) -> None:
    for function in clear:
        function()
    if run.documents == 1:
        run.first_document_s = run.extract_s
        run.rss_after_first_mb = current_rss_mb()
    if expected and run.documents % max(expected // RSS_SAMPLES, 1) == 0:
        run.rss_samples_mb.append(round(current_rss_mb(), 1))
        sys.stderr.write(f"  ... {run.documents:,} of {expected:,} documents\n")


def expected_documents(corpus: Corpus) -> int:
    """How many documents the corpus should give (for RSS sampling), 0 when unknown."""
    if corpus.kind == "synthetic":
        return corpus.count
    with corpus.path.open(encoding="utf-8", newline="") as handle:
        rows = sum(1 for _ in csv.DictReader(handle))
    return rows * (corpus.count if corpus.kind == "repeat" else 1)


def timed_run(corpus: Corpus, *, cold_caches: bool, trace: bool) -> Run:
    """Read and extract every document of ``corpus`` once, timing each part."""
    run = Run(corpus.describe(), rss_start_mb=current_rss_mb())
    expected = expected_documents(corpus)
    if trace:
        tracemalloc.start()
    clock = Clock()
    clear: list[Callable[[], None]] = []
    with tempfile.TemporaryDirectory(prefix="bench_extract_") as tmp:
        items = read_corpus(corpus, Path(tmp), clock)
        while (item := _next_item(items, run, clock)) is not None:
            if isinstance(item, Diagnostic):
                run.diagnostics += 1
                continue
            run.documents += 1
            run.characters += len(item.text)
            _extract_one(item, run)
            if cold_caches and not clear:
                clear = [f.cache_clear for f in bounded_caches().values()]
            _after_document(run, expected, clear)
    run.generate_s = clock.seconds
    if trace:
        run.tracemalloc_peak_mb = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    run.peak_rss_mb = peak_rss_mb()
    run.caches = cache_report(bounded_caches())
    return run


# ---------------------------------------------------------------------------- the profile


def _group_of(filename: str) -> str | None:
    """The frontline module a profiled function belongs to, else None."""
    path = Path(filename)
    try:
        relative = path.resolve().relative_to(ROOT)
    except (OSError, ValueError):
        relative = None
    if relative is not None and relative.parts[:1] == ("frontline",):
        return ".".join(relative.with_suffix("").parts).removesuffix(".__init__")
    return None


Key = tuple[str, int, str]


def _charge(
    stats: dict[Key, Any], key: Key, seconds: float, charged: dict[Key, float], depth: int = 0
) -> None:
    """Charge ``seconds`` of ``key``'s own time to the nearest frontline caller."""
    if _group_of(key[0]) is not None:
        charged[key] += seconds
        return
    callers = stats[key][4] if key in stats else {}
    weights = {c: v[3] or v[1] for c, v in callers.items()}
    total = sum(weights.values())
    if depth >= 12 or not total:
        charged[("~", 0, _UNATTRIBUTED)] += seconds
        return
    for caller, weight in weights.items():
        _charge(stats, caller, seconds * weight / total, charged, depth + 1)


def _stage_of(module: str) -> str:
    for stage, prefixes in _STAGES:
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return stage
    return module


def _ranked(shares: dict[str, float], total: float, top: int | None = None) -> dict[str, float]:
    ordered = sorted(shares.items(), key=lambda item: -item[1])[:top]
    return {name: seconds / total for name, seconds in ordered}


def profile_split(stats: dict[Key, Any]) -> dict[str, Any]:
    """Own time (outside calls charged to callers) by stage, by module and by function."""
    charged: defaultdict[Key, float] = defaultdict(float)
    for key, value in stats.items():
        _charge(stats, key, value[2], charged)
    total = sum(charged.values()) or 1.0
    modules: defaultdict[str, float] = defaultdict(float)
    functions: defaultdict[str, float] = defaultdict(float)
    for key, seconds in charged.items():
        module = _group_of(key[0]) or _UNATTRIBUTED
        modules[module] += seconds
        functions[f"{module}.{key[2]}:{key[1]}"] += seconds
    stages: defaultdict[str, float] = defaultdict(float)
    for module, seconds in modules.items():
        stages[_stage_of(module)] += seconds
    outside = {
        f"{Path(k[0]).name}:{k[2]}": v[2] for k, v in stats.items() if _group_of(k[0]) is None
    }
    return {
        "total_s": total,
        "stages": _ranked(stages, total),
        "modules": _ranked(modules, total),
        "functions": _ranked(functions, total, 15),
        "outside_own_time": _ranked(outside, total, 10),
    }


def profile_sample(corpus: Corpus, count: int) -> dict[str, Any]:
    """cProfile ``count`` documents of ``corpus`` in this (fresh) process; also count its texts."""
    run_one(Document(doc_id="warm-up", text=WARM_UP_TEXT, published=date(2016, 11, 28)))
    documents: list[Document] = []
    with tempfile.TemporaryDirectory(prefix="bench_extract_") as tmp:
        for item in read_corpus(corpus, Path(tmp), Clock()):
            if isinstance(item, Document):
                documents.append(item)
            if len(documents) >= count:
                break
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for document in documents:
        try:
            run_one(document)
        except Exception:  # the timed run counts failures; skip them here
            continue
    profiler.disable()
    wall = time.perf_counter() - started
    split = profile_split(pstats.Stats(profiler).stats)  # type: ignore[attr-defined]
    split.update(documents=len(documents), profiled_wall_s=wall)
    split["corpus_texts"] = corpus_texts(corpus)
    return split


def corpus_texts(corpus: Corpus) -> dict[str, int]:
    """How many articles and distinct article texts the corpus has (and seed sentences)."""
    if corpus.kind != "synthetic":
        with corpus.path.open(encoding="utf-8", newline="") as handle:
            texts = [r.get("article_content", "") for r in csv.DictReader(handle)]
        passes = corpus.count if corpus.kind == "repeat" else 1
        return {"articles": len(texts) * passes, "distinct_texts": len(set(texts))}
    rows = load_rows(corpus.path)
    distinct = {hash(row[2]) for row in synthetic_rows(rows, corpus.count)}
    pool = {s for row in rows for s in row.sentences}
    return {
        "articles": corpus.count,
        "distinct_texts": len(distinct),
        "seed_sentences": len(pool),
    }


def profile_in_child(corpus: Corpus, count: int) -> dict[str, Any]:
    """Run :func:`profile_sample` in a fresh process so the timed run's caches stay its own."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        result: dict[str, Any] = pool.apply(profile_sample, (corpus, count))
    return result


# ---------------------------------------------------------------------------- the report


def machine() -> dict[str, Any]:
    """Where the figures were taken."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return {
        "cpu": model,
        "nproc": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "commit": commit or "unknown",
    }


def rates(run: Run) -> dict[str, float]:
    """Throughput figures of one run (per second of the named part)."""

    def per(amount: float, seconds: float) -> float:
        return amount / seconds if seconds > 0 else 0.0

    steady = run.extract_s - run.first_document_s
    return {
        "read_docs_per_s": per(run.documents, run.read_s),
        "extract_docs_per_s": per(run.documents, run.extract_s),
        "extract_docs_per_s_after_first": per(run.documents - 1, steady),
        "read_and_extract_docs_per_s": per(run.documents, run.read_s + run.extract_s),
        "read_and_extract_docs_per_cpu_s": per(run.documents, run.read_cpu_s + run.extract_cpu_s),
        "cpu_share": per(run.read_cpu_s + run.extract_cpu_s, run.read_s + run.extract_s),
        "events_per_s": per(run.events, run.extract_s),
        "chars_per_s": per(run.characters, run.extract_s),
        "ms_per_doc": per(1000 * run.extract_s, run.documents),
    }


def run_rows(run: Run, figures: dict[str, float], core: int | None) -> list[tuple[str, ...]]:
    """(label, value, note) rows of the timed run's table."""
    speed = figures["read_and_extract_docs_per_s"]
    speed_ok = "meets" if speed >= TARGET_DOCS_PER_S else "MISSES"
    memory_ok = "meets" if run.peak_rss_mb <= TARGET_PEAK_MB else "MISSES"
    per_doc = run.characters / max(run.documents, 1)
    rows = [
        ("core", str(core), "pinned" if core is not None else "not pinned"),
        ("documents", f"{run.documents:,}", f"{run.events:,} events"),
        ("characters", f"{run.characters:,}", f"{per_doc:,.0f} per document"),
        ("failed documents", str(run.failures), run.first_failure or ""),
        ("reader diagnostics", str(run.diagnostics)),
        ("synthesising (not counted)", f"{run.generate_s:.2f} s"),
        ("reading (iter_documents)", f"{run.read_s:.2f} s",
         f"{figures['read_docs_per_s']:,.0f} docs/s"),
        ("extraction (run_one)", f"{run.extract_s:.2f} s",
         f"{figures['extract_docs_per_s']:,.1f} docs/s"),
        ("  without the first document", "",
         f"{figures['extract_docs_per_s_after_first']:,.1f} docs/s"),
        ("  per document", f"{figures['ms_per_doc']:.2f} ms"),
        ("  events/s", f"{figures['events_per_s']:,.0f}"),
        ("  characters/s", f"{figures['chars_per_s']:,.0f}"),
        ("reading + extraction", f"{run.read_s + run.extract_s:.2f} s",
         f"{speed:,.1f} docs/s/core ({speed_ok} >= {TARGET_DOCS_PER_S:.0f})"),
        ("  in CPU time", f"{run.read_cpu_s + run.extract_cpu_s:.2f} s",
         f"{figures['read_and_extract_docs_per_cpu_s']:,.1f} docs per CPU-second"),
        ("  CPU share of wall time", f"{figures['cpu_share']:.0%}",
         "(below 100%: the core was shared)"),
        ("first document (loads)", f"{run.first_document_s * 1000:,.0f} ms"),
        ("RSS at start / after first", f"{run.rss_start_mb:.0f} / {run.rss_after_first_mb:.0f} MB"),
        ("RSS through the run (MB)", " ".join(f"{x:.0f}" for x in run.rss_samples_mb)),
        ("peak RSS (ru_maxrss)", f"{run.peak_rss_mb:.0f} MB",
         f"({memory_ok} <= {TARGET_PEAK_MB:.0f} MB)"),
    ]  # fmt: skip
    if run.tracemalloc_peak_mb is not None:
        rows.append(("tracemalloc peak", f"{run.tracemalloc_peak_mb:.0f} MB"))
    return rows


def format_run(run: Run, figures: dict[str, float], core: int | None) -> str:
    """The timed run as a readable table."""
    out = f"corpus: {run.corpus}\n"
    for label, value, *note in run_rows(run, figures, core):
        out += f"  {label:<30}{value:>18}  {' '.join(note)}".rstrip() + "\n"
    return out


def format_caches(caches: dict[str, dict[str, int]]) -> str:
    """Hit rates of the bounded caches."""
    out = "bounded caches (hits / lookups, size / bound):\n"
    for name, c in caches.items():
        lookups = c["hits"] + c["misses"]
        rate = f"{c['hits'] / lookups:.0%}" if lookups else "-"
        out += f"  {name:<48}{rate:>6} of {lookups:>9,}  {c['size']:>7,} / {c['maxsize']:,}\n"
    return out


def format_profile(split: dict[str, Any]) -> str:
    """The profile's split as readable tables."""
    out = (
        f"profile: {split['documents']} documents, {split['profiled_wall_s']:.2f} s under "
        "cProfile (own time; calls outside frontline charged to the frontline caller)\n"
    )
    for title in ("stages", "modules", "functions", "outside_own_time"):
        out += f" {title.replace('_', ' ')}:\n"
        for name, share in split[title].items():
            if share >= MIN_SHARE:
                out += f"  {share:>6.1%}  {name}\n"
    texts = split["corpus_texts"]
    out += "corpus texts: " + ", ".join(f"{k} {v:,}" for k, v in texts.items()) + "\n"
    return out


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="FA-KES-layout CSV")
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--repeat", type=int, default=0, help="read the corpus N times")
    size.add_argument("--synthetic", type=int, default=0, help="N recombined articles")
    parser.add_argument("--cold-caches", action="store_true", help="clear caches per document")
    parser.add_argument("--profile", type=int, default=300, help="documents to profile (0: none)")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python allocations")
    parser.add_argument("--json", type=Path, help="write every figure to this JSON file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    corpus = Corpus(args.corpus, "plain", 1)
    if args.repeat:
        corpus = Corpus(args.corpus, "repeat", args.repeat)
    elif args.synthetic:
        corpus = Corpus(args.corpus, "synthetic", args.synthetic)
    core = pin_to_one_core()
    host = machine()
    out = sys.stdout
    out.write(
        f"machine: {host['cpu']}, nproc {host['nproc']}, Python {host['python']}, "
        f"load {host['load_average']}, commit {host['commit']}\n"
    )
    out.flush()
    run = timed_run(corpus, cold_caches=args.cold_caches, trace=args.tracemalloc)
    figures = rates(run)
    caches = "bounded caches: cleared after every document\n"
    out.write(format_run(run, figures, core))
    out.write(caches if args.cold_caches else format_caches(run.caches))
    out.flush()
    split = profile_in_child(corpus, args.profile) if args.profile > 0 else None
    if split is not None:
        out.write(format_profile(split))
    if args.json:
        record = {"machine": host, "core": core, "cold_caches": args.cold_caches}
        record |= {"run": asdict(run), "rates": figures, "profile": split}
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
