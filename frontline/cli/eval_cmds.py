"""Scoring commands: eval, eval-fusion, eval-control, eval-credibility."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import click

from frontline.cli.common import (
    _format_option,
)


@click.command("eval")
@click.option(
    "--gold",
    "gold",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    required=True,
    help="Gold events (JSONL, one document per line).",
)
@click.argument("corpus", nargs=-1, required=True)
@click.option(
    "--errors",
    is_flag=True,
    help="List every missed and spurious event with its sentence, then, field by field, every "
    "matched event whose field disagrees with gold (gold's value, the found one, the sentence).",
)
@_format_option("text", "json", help="text: a report to read; json: the scores.")
def evaluate_command(gold: Path, corpus: Sequence[str], errors: bool, fmt: str) -> None:
    """Score extraction over CORPUS against the gold events of --gold."""
    from frontline.evaluation import evaluate, format_report

    report = evaluate(gold, corpus)
    if fmt == "json":
        click.echo(json.dumps(report.as_dict(), indent=2))
    else:
        click.echo(format_report(report, errors=errors))


@click.command("eval-fusion")
@click.option(
    "--gold",
    "gold",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    multiple=True,
    required=True,
    help="Gold clusters (JSONL, one claim per line); repeat for several files.",
)
@click.argument("corpus", nargs=-1, required=True)
@_format_option("text", "json", help="text: a report to read; json: the scores.")
@click.option(
    "--errors",
    "errors_of",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Also list the missed and spurious claim pairs of this gold file (a development "
    "split: never a held-out one).",
)
def eval_fusion(
    gold: Sequence[Path], corpus: Sequence[str], fmt: str, errors_of: Path | None
) -> None:
    """Score event fusion over CORPUS against hand-made clusters (pairwise and B-cubed)."""
    from frontline.fuse.score import (
        assignment,
        format_errors,
        format_score,
        fuse_corpus,
        pair_errors,
        read_clusters,
        score_clusters,
    )

    events, fused = fuse_corpus(corpus)
    predicted = assignment(fused, events)
    scores = {str(path): score_clusters(read_clusters(path), predicted) for path in gold}
    if fmt == "json":
        click.echo(json.dumps({k: s.as_dict() for k, s in scores.items()}, indent=2))
    else:
        click.echo("\n".join(format_score(s, k) for k, s in scores.items()))
    if errors_of is not None:
        labels = read_clusters(errors_of)
        click.echo(format_errors(pair_errors(labels, predicted), labels), err=fmt == "json")


@click.command("eval-control")
@click.option(
    "--gold",
    "gold",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    required=True,
    help="Gold file whose control_changes are scored (JSONL, one document per line).",
)
@click.argument("corpus", nargs=-1, required=True)
@_format_option("text", "json", help="text: a report to read; json: the figures and every change.")
def eval_control_command(gold: Path, corpus: Sequence[str], fmt: str) -> None:
    """Score the control timeline derived from CORPUS against the gold control changes."""
    from frontline.fuse.control_score import evaluate_control, format_control_score

    score = evaluate_control(gold, corpus)
    if fmt == "json":
        click.echo(json.dumps(score.as_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_control_score(score))


@click.command("eval-credibility")
@click.argument("corpus", nargs=-1, required=True)
@click.option("--folds", type=click.IntRange(2), default=5, show_default=True, help="Folds.")
@_format_option("text", "json", help="text: a report to read; json: the scores.")
def eval_credibility(corpus: Sequence[str], folds: int, fmt: str) -> None:
    """Cross-validate the credibility model on labelled CORPUS (FA-KES layout); writes nothing."""
    from frontline.fuse.credibility_model import evaluate, labelled_corpus

    extractions, labels = labelled_corpus(corpus)
    evaluation, _ = evaluate(extractions, labels, folds)
    reports = {
        "grouped": [r.as_dict() for r in evaluation.reports],
        "chosen": evaluation.chosen.name,
        "by_source": evaluation.by_source.as_dict(),
        "stratified": evaluation.stratified.as_dict(),
    }
    if fmt == "json":
        click.echo(json.dumps(reports, indent=2))
        return
    for r in [*evaluation.reports, evaluation.by_source, evaluation.stratified]:
        line = f"{r.name:<28} {r.folds:>2} folds  macro-F1 {r.macro_f1:.3f}"
        click.echo(f"{line}  accuracy {r.accuracy:.3f}")
    click.echo(f"chosen by grouped CV: {evaluation.chosen.name}")
