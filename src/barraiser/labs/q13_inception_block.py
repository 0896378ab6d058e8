"""Lab for guide question 13: Inception-style blocks against a plain convolution stack.

Two small CNNs share a stem, a head (global average pooling and one linear layer) and their
training; in between, one has two Inception modules (1x1, 1x1-then-3x3, 1x1-then-5x5 and
pool-then-1x1 branches, concatenated), the other two plain 3x3 convolutions whose width is chosen
so that the parameter counts match.  The lab counts parameters exactly and multiply-adds with
forward hooks, times both networks on the same batches, compares test accuracy, and checks the
model answer's arithmetic for the 1x1 bottleneck.
"""

from __future__ import annotations

import math
import statistics
import time
from typing import Any

from barraiser.labs.base import Lab, LabContext
from barraiser.labs.data import FASHION_MNIST
from barraiser.labs.shared import accuracy, fashion_mnist_tensors, torch_one_thread

STEM = 16
# (1x1, 3x3 reduce, 3x3, 5x5 reduce, 5x5, pool projection) per Inception module.
MODULES = ((8, 8, 16, 4, 8, 8), (16, 16, 32, 8, 16, 16))
BATCH = 128
LEARNING_RATE = 2e-3


def _inception_module(c_in: int, widths: tuple[int, ...], reduce: bool) -> Any:
    """One module; with ``reduce=False`` the naive version (no 1x1 reductions or projection)."""
    import torch
    from torch import nn

    c1, r3, c3, r5, c5, cp = widths

    def branch(*layers: Any) -> Any:
        return nn.Sequential(*layers)

    relu = nn.ReLU
    if reduce:
        branches = [
            branch(nn.Conv2d(c_in, c1, 1), relu()),
            branch(nn.Conv2d(c_in, r3, 1), relu(), nn.Conv2d(r3, c3, 3, padding=1), relu()),
            branch(nn.Conv2d(c_in, r5, 1), relu(), nn.Conv2d(r5, c5, 5, padding=2), relu()),
            branch(nn.MaxPool2d(3, 1, 1), nn.Conv2d(c_in, cp, 1), relu()),
        ]
    else:
        branches = [
            branch(nn.Conv2d(c_in, c1, 1), relu()),
            branch(nn.Conv2d(c_in, c3, 3, padding=1), relu()),
            branch(nn.Conv2d(c_in, c5, 5, padding=2), relu()),
            branch(nn.MaxPool2d(3, 1, 1)),
        ]

    class Module(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.branches = nn.ModuleList(branches)

        def forward(self, x: Any) -> Any:
            return torch.cat([b(x) for b in self.branches], dim=1)

    return Module()


def _out_channels(c_in: int, widths: tuple[int, ...], reduce: bool) -> int:
    c1, _, c3, _, c5, cp = widths
    return c1 + c3 + c5 + (cp if reduce else c_in)


def _stem() -> list[Any]:
    from torch import nn

    return [nn.Conv2d(1, STEM, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]


def inception_net(reduce: bool = True) -> Any:
    """Stem, Inception module, pool, Inception module, global average pool, linear."""
    from torch import nn

    c = STEM
    layers = _stem()
    for i, widths in enumerate(MODULES):
        layers.append(_inception_module(c, widths, reduce))
        c = _out_channels(c, widths, reduce)
        if i == 0:
            layers.append(nn.MaxPool2d(2))
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(c, 10)]
    return nn.Sequential(*layers)


def plain_net(width: int) -> Any:
    """Stem, 3x3 conv, pool, 3x3 conv (twice as wide), global average pool, linear."""
    from torch import nn

    return nn.Sequential(
        *_stem(),
        nn.Conv2d(STEM, width, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(width, 2 * width, 3, padding=1),
        nn.ReLU(),
        nn.AdaptiveAvgPool2d(1),
        nn.Flatten(),
        nn.Linear(2 * width, 10),
    )


def count_params(model: Any) -> int:
    return int(sum(p.numel() for p in model.parameters()))


def count_macs(model: Any, shape: tuple[int, ...]) -> int:
    """Multiply-adds of one forward pass, counted from conv and linear layers by hooks."""
    import torch
    from torch import nn

    total = 0

    def hook(module: Any, _inputs: Any, output: Any) -> None:
        nonlocal total
        if isinstance(module, nn.Conv2d):
            kh, kw = module.kernel_size
            per_output = (module.in_channels // module.groups) * kh * kw
            total += int(output.numel()) * per_output
        elif isinstance(module, nn.Linear):
            total += int(output.numel()) * module.in_features

    handles = [
        m.register_forward_hook(hook)
        for m in model.modules()
        if isinstance(m, nn.Conv2d | nn.Linear)
    ]
    with torch.no_grad():
        model(torch.zeros(1, *shape))
    for h in handles:
        h.remove()
    return total


def _bottleneck_example() -> dict[str, int]:
    """The model answer's example: 32 5x5 filters on 28x28x192, with or without a 1x1 to 16."""
    from torch import nn

    shape = (192, 28, 28)
    direct = nn.Conv2d(192, 32, 5, padding=2)
    reduce = nn.Conv2d(192, 16, 1)
    after = nn.Conv2d(16, 32, 5, padding=2)
    return {
        "direct_macs": count_macs(direct, shape),
        "reduce_macs": count_macs(reduce, shape),
        "after_macs": count_macs(after, (16, 28, 28)),
        "direct_params": count_params(direct),
        "bottleneck_params": count_params(reduce) + count_params(after),
    }


def _train(
    model: Any, data: tuple[Any, Any], test: tuple[Any, Any], epochs: int, seed: int
) -> list[tuple[float, float]]:
    """Adam for a few epochs; (training seconds so far, test accuracy) after each epoch."""
    import torch
    from torch import nn

    x, y = data
    opt = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    gen = torch.Generator().manual_seed(seed)
    seconds = 0.0
    points: list[tuple[float, float]] = []
    for _ in range(epochs):
        started = time.perf_counter()
        perm = torch.randperm(len(y), generator=gen)
        for start in range(0, len(y), BATCH):
            idx = perm[start : start + BATCH]
            opt.zero_grad()
            loss: Any = nn.functional.cross_entropy(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
        seconds += time.perf_counter() - started
        points.append((seconds, accuracy(model, *test)))
    return points


def _step_times(models: dict[str, Any], x: Any, y: Any, repeats: int) -> dict[str, float]:
    """Median seconds of one training step (forward and backward) per model, interleaved."""
    from torch import nn

    times: dict[str, list[float]] = {name: [] for name in models}
    for _ in range(repeats):
        for name, model in models.items():
            started = time.perf_counter()
            loss: Any = nn.functional.cross_entropy(model(x), y)
            loss.backward()
            times[name].append(time.perf_counter() - started)
            model.zero_grad()
    return {name: statistics.median(t) for name, t in times.items()}


def run(ctx: LabContext) -> None:
    with torch_one_thread(ctx.seed):
        _experiment(ctx)


def _experiment(ctx: LabContext) -> None:
    import torch

    n_train = ctx.pick(3000, 8000)
    n_test = ctx.pick(1000, 5000)
    epochs = ctx.pick(2, 3)
    shape = (1, 28, 28)

    ctx.progress("counting parameters and multiply-adds", 0.02)
    ex = _bottleneck_example()
    for key, value in ex.items():
        ctx.metric(f"example_{key}", value)
    inc_params = count_params(inception_net())
    # Plain width: the one whose parameter count is closest to the Inception network's.
    width = min(range(8, 129), key=lambda w: abs(count_params(plain_net(w)) - inc_params))
    nets = {"inception": inception_net(), "plain": plain_net(width)}
    naive = inception_net(reduce=False)
    stats: dict[str, dict[str, float]] = {}
    for name, model in [*nets.items(), ("naive", naive)]:
        stats[name] = {
            "params": ctx.metric(f"params_{name}", count_params(model)),
            "macs": ctx.metric(f"macs_{name}", count_macs(model, shape)),
        }
    ctx.metric("plain_width", width)

    x_train, y_train = fashion_mnist_tensors("train", n_train, ctx.seed, flat=False)
    x_test, y_test = fashion_mnist_tensors("test", n_test, ctx.seed + 1, flat=False)
    curves: dict[str, list[tuple[float, float]]] = {}
    for i, (name, model) in enumerate(nets.items()):
        ctx.progress(f"training the {name} network", 0.1 + 0.4 * i)
        torch.manual_seed(ctx.seed)
        for p in model.parameters():
            if p.dim() > 1:
                torch.nn.init.kaiming_uniform_(p, nonlinearity="relu")
        curves[name] = _train(model, (x_train, y_train), (x_test, y_test), epochs, ctx.seed)
        stats[name]["train_s"] = ctx.metric(f"train_seconds_{name}", curves[name][-1][0])
        stats[name]["acc"] = ctx.metric(f"test_accuracy_{name}", curves[name][-1][1])

    ctx.progress("timing training steps, interleaved", 0.9)
    step = _step_times(nets, x_train[:BATCH], y_train[:BATCH], ctx.pick(15, 40))
    for name in nets:
        stats[name]["step_ms"] = ctx.metric(f"step_ms_{name}", 1000 * step[name])
        # Multiply-adds per second of a training step (forward only counted), in millions.
        stats[name]["mmacs_per_s"] = ctx.metric(
            f"mmacs_per_s_{name}", stats[name]["macs"] * BATCH / step[name] / 1e6
        )

    labels = {
        "inception": "2 Inception modules (with 1x1 reductions)",
        "plain": f"2 plain 3x3 convs ({width} and {2 * width} channels)",
        "naive": "2 naive Inception modules (no 1x1 reductions), not trained",
    }
    rows = [
        [
            labels[name],
            int(stats[name]["params"]),
            stats[name]["macs"] / 1e6,
            stats[name].get("step_ms"),
            stats[name].get("mmacs_per_s"),
            stats[name].get("train_s"),
            stats[name].get("acc"),
        ]
        for name in ("inception", "plain", "naive")
    ]
    ctx.table(
        f"Small CNNs on Fashion-MNIST 28x28: {n_train:,} training images, {epochs} epochs of "
        f"Adam, accuracy on {n_test:,} test images",
        [
            "network",
            "parameters",
            "multiply-adds per image (M)",
            f"training step, batch {BATCH} (ms)",
            "forward multiply-adds per training second (M)",
            "training time (s)",
            "test accuracy",
        ],
        rows,
    )
    direct = ex["direct_macs"]
    reduced = ex["reduce_macs"] + ex["after_macs"]
    ctx.table(
        "The model answer's example: 32 filters of 5x5 on a 28x28x192 input",
        ["version", "multiply-adds", "weights and biases"],
        [
            ["5x5 directly on 192 channels", direct, ex["direct_params"]],
            ["1x1 to 16 channels, then 5x5", reduced, ex["bottleneck_params"]],
            ["  of which the 1x1", ex["reduce_macs"], None],
            ["  of which the 5x5", ex["after_macs"], None],
        ],
    )

    fig = ctx.new_figure(10, 4)
    ax1, ax2 = fig.subplots(1, 2)
    names = ["inception", "plain", "naive"]
    short = {"inception": "Inception", "plain": "plain 3x3", "naive": "naive Inception"}
    colours = {"inception": "tab:blue", "plain": "tab:orange", "naive": "tab:grey"}
    ax1.bar(
        [short[n] for n in names],
        [stats[n]["macs"] / 1e6 for n in names],
        color=[colours[n] for n in names],
    )
    for i, n in enumerate(names):
        ax1.text(
            i,
            stats[n]["macs"] / 1e6,
            f"{int(stats[n]['params']):,} params",
            ha="center",
            va="bottom",
            fontsize=8,
        )
    ax1.set(ylabel="multiply-adds per image (millions)")
    ax1.set_title("Cost of each network")
    for n in ("inception", "plain"):
        xs, ys = zip(*curves[n], strict=True)
        ax2.plot(xs, ys, "o-", color=colours[n], label=short[n])
    ax2.set(xlabel="training time (s, one thread)", ylabel="test accuracy")
    ax2.set_title(f"Accuracy after each of {epochs} epochs")
    ax2.legend()
    ctx.save_figure(
        fig,
        "inception_vs_plain",
        "Left: multiply-adds per image for the Inception network, the plain stack with the "
        "same number of parameters, and the naive Inception network without 1x1 reductions. "
        "Right: test accuracy after each epoch against the training time spent so far.",
    )

    ratio = direct / reduced
    ctx.metric("example_saving_ratio", ratio)
    ctx.claim(
        "bottleneck-arithmetic",
        "On a 28x28x192 input, 32 filters of 5x5 cost roughly 120 million multiply-adds; "
        "reducing to 16 channels first costs about 2.4 million plus 10 million, around 12 "
        "million: ten times less.",
        abs(direct / 120e6 - 1) < 0.05
        and abs(ex["reduce_macs"] / 2.4e6 - 1) < 0.05
        and abs(ex["after_macs"] / 10e6 - 1) < 0.05
        and ratio >= 9,
        f"counted {direct / 1e6:.1f}M directly; {ex['reduce_macs'] / 1e6:.2f}M + "
        f"{ex['after_macs'] / 1e6:.2f}M = {reduced / 1e6:.2f}M with the 1x1 reduction, "
        f"{ratio:.1f} times less; weights {ex['direct_params']:,} vs "
        f"{ex['bottleneck_params']:,}",
    )
    naive_ratio = stats["naive"]["macs"] / stats["inception"]["macs"]
    ctx.metric("naive_to_bottleneck_macs", naive_ratio)
    ctx.claim(
        "naive-module-expensive",
        "Done naively, without 1x1 reductions, the Inception module is much more expensive.",
        naive_ratio >= 2,
        f"naive network {stats['naive']['macs'] / 1e6:.1f}M multiply-adds per image and "
        f"{int(stats['naive']['params']):,} parameters, against "
        f"{stats['inception']['macs'] / 1e6:.1f}M and {int(stats['inception']['params']):,} "
        f"with the reductions ({naive_ratio:.1f} times; 'much' means at least 2)",
    )
    margin = ctx.metric("accuracy_margin", 2.0 * math.sqrt(2.0 * 0.25 / n_test))
    gap = stats["inception"]["acc"] - stats["plain"]["acc"]
    ctx.claim(
        "inception-more-accurate",
        "(guide) Applying multiple filter sizes to the same input enhances the performance of "
        "image classification.",
        gap > margin,
        f"test accuracy Inception {stats['inception']['acc']:.3f}, plain stack "
        f"{stats['plain']['acc']:.3f} with {int(stats['inception']['params']):,} vs "
        f"{int(stats['plain']['params']):,} parameters; a gap counts above {margin:.3f}",
    )
    speed = stats["inception"]["mmacs_per_s"] / stats["plain"]["mmacs_per_s"]
    ctx.metric("inception_relative_throughput", speed)
    ctx.claim(
        "branches-run-less-efficiently",
        "Many-branch modules often run less efficiently than a plain stack of convolutions.",
        speed < 0.8,
        f"the Inception network does {stats['inception']['mmacs_per_s']:.0f}M multiply-adds "
        f"per second in training against the plain stack's "
        f"{stats['plain']['mmacs_per_s']:.0f}M ({speed:.2f} of its rate; 'less efficient' "
        "means below 0.8); on CPU here, not a GPU",
    )
    ctx.note(
        "Both networks: a 3x3 stem with 16 channels and 2x2 pooling, then the two blocks with "
        "2x2 pooling between them, global average pooling and one linear layer; Kaiming "
        f"uniform init, Adam at learning rate {LEARNING_RATE}, batch {BATCH}, the same seed "
        "and batch order. The plain stack's width is the one that matches the Inception "
        "network's parameter count most closely. No tuning for either network."
    )
    ctx.note(
        f"Both networks are tiny (about {int(stats['plain']['params']):,} parameters) and "
        f"trained briefly ({epochs} epochs on {n_train:,} images), so neither is near the "
        "accuracy of a converged model; the comparison is between equal budgets, not best "
        "results."
    )
    ctx.note(
        "Timing: one thread, forward and backward steps of the two networks alternated and the "
        "median taken, so machine load affects both alike. Multiply-adds are counted for conv "
        "and linear layers of one forward pass (pooling and activations are not counted)."
    )


LAB = Lab(
    id="inception-block",
    title="Inception modules against a plain convolution stack of the same size",
    question_id="inception-architecture",
    guide_question=13,
    summary=(
        "Trains a small CNN built from two Inception modules and a plain CNN with the same "
        "number of parameters on Fashion-MNIST, counts their parameters and multiply-adds "
        "exactly, times them, and compares test accuracy. It also counts the cost of a naive "
        "module without 1x1 reductions and checks the model answer's bottleneck arithmetic."
    ),
    datasets=[FASHION_MNIST],
    run=run,
)
