"""``barraiser grader``: train the claim verifier, show its card, check the shipped weights."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from barraiser.cli._common import bank, fail, print_json

if TYPE_CHECKING:
    from barraiser.content.claims import Pair

app = typer.Typer(
    help="The claim verifier behind the verifier grader: train it, read its card, check it.",
    no_args_is_help=True,
)


def _pairs() -> list[Pair]:
    from barraiser.content.claims import load_claims, pairs

    loaded = bank()
    files, problems = load_claims(loaded)
    if problems:
        listed = "\n".join(f"  - {p}" for p in problems[:20])
        fail(
            f"the claim corpus has {len(problems)} problem(s):\n{listed}\n"
            "Fix them (`barraiser content check` lists them all) and run again."
        )
    if not files:
        fail("no claim files found under content/claims/: nothing to train on.")
    return pairs(loaded, files.values())


def _model_dir(model: Path | None) -> Path:
    from barraiser.grading.verifier import shipped_model_dir

    return model if model is not None else shipped_model_dir()


@app.command("train")
def train(
    out: Annotated[
        Path | None,
        typer.Option(help="Folder for the model, tokenizer and card (default: the shipped one)."),
    ] = None,
    epochs: Annotated[int | None, typer.Option(min=1, help="Passes over the data.")] = None,
    seed: Annotated[int | None, typer.Option(help="Random seed.")] = None,
    threads: Annotated[int | None, typer.Option(min=1, help="CPU threads.")] = None,
    limit: Annotated[
        int | None, typer.Option(min=8, help="Train on this many pairs only (a quick trial).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the card as JSON.")] = False,
) -> None:
    """Train the claim verifier on content/claims (seeded and deterministic; CPU only).

    Holds out whole questions, fine-tunes all-MiniLM-L6-v2 as a cross-encoder, exports it to
    int8 ONNX and measures the exported model on the held-out questions.
    """
    from dataclasses import replace

    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskID,
        TimeRemainingColumn,
    )

    from barraiser.grading.verifier.train import TrainOptions
    from barraiser.grading.verifier.train import train as run_training

    defaults = TrainOptions()
    options = replace(
        defaults,
        epochs=epochs or defaults.epochs,
        seed=defaults.seed if seed is None else seed,
        threads=threads or defaults.threads,
        limit=limit,
    )
    pairs = _pairs()
    target = _model_dir(out)
    console = Console(stderr=True)
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
    ) as progress:
        tasks: dict[str, TaskID] = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(stage.capitalize(), total=total)
            progress.update(tasks[stage], completed=done, total=total)

        result = run_training(pairs, target, options, report)
    card = result.card
    if as_json:
        print_json(card)
        return
    held = card["metrics"]["held_out"]
    console.print(
        f"Trained on {card['corpus']['training']['pairs']:,} pairs in {result.seconds:.0f} s; "
        f"wrote {target}.",
        highlight=False,
    )
    typer.echo(
        f"Held-out questions: {held['pairs']:,} pairs, accuracy {held['accuracy']:.3f}, "
        f"macro-F1 {held['macro_f1']:.3f}"
    )
    for label, row in held["labels"].items():
        typer.echo(
            f"  {label:12s} precision {row['precision']:.3f}  recall {row['recall']:.3f}  "
            f"({row['support']} pairs)"
        )


@app.command("card")
def card(
    model: Annotated[Path | None, typer.Option(help="A model folder (default: shipped).")] = None,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print it as Markdown.")] = False,
) -> None:
    """Print the verifier's model card: data, split, training and held-out metrics."""
    from barraiser.grading.verifier.card import card_markdown
    from barraiser.grading.verifier.runtime import VerifierUnavailable, read_card

    try:
        data = read_card(_model_dir(model))
    except VerifierUnavailable as exc:
        fail(str(exc))
    if markdown:
        typer.echo(card_markdown(data), nl=False)
    else:
        print_json(data)


@app.command("check")
def check(
    model: Annotated[Path | None, typer.Option(help="A model folder (default: shipped).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Check that the model reproduces its card on a slice of the held-out pairs."""
    from barraiser.grading.verifier.card import check_shipped
    from barraiser.grading.verifier.runtime import ClaimVerifier, VerifierUnavailable

    try:
        verifier = ClaimVerifier(_model_dir(model))
    except VerifierUnavailable as exc:
        fail(str(exc), code=2)
    result = check_shipped(verifier, _pairs())
    if as_json:
        print_json({**result.__dict__, "ok": result.ok})
    else:
        typer.echo(
            f"{result.pairs} held-out pairs: accuracy {result.accuracy:.3f} "
            f"(card {result.card_accuracy:.3f}), {100 * result.agreement:.1f}% of the recorded "
            f"predictions reproduced; corpus {'matches' if result.corpus_matches else 'CHANGED'}."
        )
    if not result.ok:
        fail(
            "the model does not reproduce its card: retrain it (`barraiser grader train`) after "
            "changing the corpus, or reinstall barraiser.",
        )
