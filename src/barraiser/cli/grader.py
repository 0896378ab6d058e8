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
            f"predictions reproduced; the claim files "
            + (
                "are those it was trained on."
                if result.corpus_matches
                else "have changed since it was trained (retrain to learn from the changes)."
            )
        )
    if not result.ok:
        fail(
            "the model does not reproduce its card: reinstall barraiser, or retrain it "
            "(`barraiser grader train`).",
        )


@app.command("train-principles")
def train_principles(
    c: Annotated[
        float | None, typer.Option(min=0.001, help="Inverse regularisation strength.")
    ] = None,
    text_weight: Annotated[
        float | None,
        typer.Option(min=0.0, help="Scale of the word features (0: sentence embeddings only)."),
    ] = None,
    search: Annotated[
        bool, typer.Option("--search", help="Cross-validate a grid of C values first.")
    ] = False,
    out: Annotated[
        Path | None, typer.Option(help="Weights file to write (default: the shipped one).")
    ] = None,
) -> None:
    """Train the Leadership Principle detector on content/principle_training (deterministic).

    Embeds every training story's sentences with the grading model and fits a logistic
    regression over them and the stories' words; ``--search`` prints 5-fold cross-validated
    top-1/top-3 accuracy of a grid of C values and word weights on the training stories alone.
    """
    from barraiser.content.principle_training import load_training
    from barraiser.grading.embeddings import get_backend
    from barraiser.grading.principles import (
        DEFAULT_C,
        DEFAULT_TEXT_WEIGHT,
        MODEL_FILE,
        cross_validate,
        embed_stories,
        train,
    )

    stories, problems = load_training()
    if problems:
        fail("the principle training stories have problems:\n  - " + "\n  - ".join(problems))
    if not stories:
        fail("no stories under content/principle_training/: nothing to train on.")
    ids = list(bank().principles)
    unknown = sorted({p for s in stories for p in s.principles} - set(ids))
    if unknown:
        fail(f"training stories name unknown principles: {', '.join(unknown)}.")
    vectors = embed_stories([s.story for s in stories], get_backend())
    if search:
        for weight in (0.0, 1.0, 2.0, 3.0):
            for value in (2.0, 8.0, 32.0, 128.0):
                top1, top3 = cross_validate(stories, vectors, ids, value, text_weight=weight)
                typer.echo(
                    f"words={weight:<3g} C={value:<5g} 5-fold top-1 {top1:.3f}  top-3 {top3:.3f}"
                )
    weight = DEFAULT_TEXT_WEIGHT if text_weight is None else text_weight
    model = train(stories, vectors, ids, c=c or DEFAULT_C, text_weight=weight)
    target = out or MODEL_FILE
    model.save(target)
    typer.echo(
        f"Trained on {len(stories)} stories (C={model.meta['c']:g}, words {weight:g}); "
        f"wrote {target}."
    )
