"""Lab for guide question 9: sigmoid, tanh and ReLU in a deep network on Fashion-MNIST.

Three 10-layer MLPs differ only in their hidden activation.  Each starts from the same fan-in
initialisation scheme with the gain PyTorch recommends for its activation (so no activation is
handicapped by a bad init), and is trained with the same optimiser, learning rate and data.  The
lab records the gradient norm of every layer at initialisation and after training, how the
first-to-last ratio changes with depth, and the test accuracy after the same number of epochs.
"""

from __future__ import annotations

import math
from typing import Any

from barraiser.labs.base import Lab, LabContext
from barraiser.labs.data import FASHION_MNIST
from barraiser.labs.shared import accuracy, fashion_mnist_tensors, torch_one_thread

ACTIVATIONS = ("sigmoid", "tanh", "relu")
_LABELS = {"sigmoid": "sigmoid", "tanh": "tanh", "relu": "ReLU"}
_COLOURS = {"sigmoid": "tab:red", "tanh": "tab:orange", "relu": "tab:blue"}
DEPTH = 10
WIDTH = 128
LEARNING_RATE = 0.01
MOMENTUM = 0.9
BATCH = 128
# A first-to-last gradient ratio below this counts as vanished, between its inverse as healthy.
VANISHED = 0.01
HEALTHY = 0.1
# Ratios that underflow to zero are drawn at this floor on the log axis.
UNDERFLOW = 1e-30


def _mlp(activation: str, depth: int) -> Any:
    """``depth`` hidden layers of WIDTH units; fan-in normal init with the activation's gain."""
    import torch
    from torch import nn

    act = {"sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU}[activation]
    layers: list[Any] = []
    fan_in = 28 * 28
    for _ in range(depth):
        linear = nn.Linear(fan_in, WIDTH)
        nonlinearity: Any = activation
        nn.init.kaiming_normal_(linear.weight, nonlinearity=nonlinearity)
        nn.init.zeros_(linear.bias)
        layers += [linear, act()]
        fan_in = WIDTH
    head = nn.Linear(fan_in, 10)
    nn.init.xavier_normal_(head.weight)
    nn.init.zeros_(head.bias)
    layers.append(head)
    model: Any = torch.nn.Sequential(*layers)
    return model


def _grad_norms(model: Any, x: Any, y: Any) -> list[float]:
    """The L2 norm of the weight gradient of each hidden layer, first to last, on one batch."""
    from torch import nn

    model.zero_grad()
    loss: Any = nn.functional.cross_entropy(model(x), y)
    loss.backward()
    linears: list[Any] = [m for m in model if isinstance(m, nn.Linear)][:-1]
    norms = [float(m.weight.grad.norm()) for m in linears]
    model.zero_grad()
    return norms


def _train(
    model: Any, x: Any, y: Any, epochs: int, seed: int, log_every: int
) -> tuple[list[int], list[float]]:
    """Plain mini-batch SGD with momentum; returns (step, smoothed training loss) points."""
    import torch
    from torch import nn

    gen = torch.Generator().manual_seed(seed)
    opt = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=MOMENTUM)
    steps: list[int] = []
    losses: list[float] = []
    window: list[float] = []
    step = 0
    for _ in range(epochs):
        perm = torch.randperm(len(y), generator=gen)
        for start in range(0, len(y), BATCH):
            idx = perm[start : start + BATCH]
            opt.zero_grad()
            loss: Any = nn.functional.cross_entropy(model(x[idx]), y[idx])
            loss.backward()
            opt.step()
            window.append(float(loss.detach()))
            step += 1
            if step % log_every == 0:
                steps.append(step)
                losses.append(sum(window) / len(window))
                window = []
    return steps, losses


def run(ctx: LabContext) -> None:
    with torch_one_thread(ctx.seed):
        _experiment(ctx)


def _experiment(ctx: LabContext) -> None:
    import torch

    n_train = ctx.pick(6000, 20000)
    n_test = ctx.pick(2000, 10000)
    epochs = ctx.pick(3, 6)
    depths = [3, 5, 10, 20, 40]

    ctx.progress("loading Fashion-MNIST", 0.05)
    x_train, y_train = fashion_mnist_tensors("train", n_train, ctx.seed, flat=True)
    x_test, y_test = fashion_mnist_tensors("test", n_test, ctx.seed + 1, flat=True)
    probe_x, probe_y = x_train[:1000], y_train[:1000]

    ctx.progress("gradient norms at initialisation for several depths", 0.1)
    ratio_by_depth: dict[str, list[float]] = {a: [] for a in ACTIVATIONS}
    for depth in depths:
        for act in ACTIVATIONS:
            torch.manual_seed(ctx.seed)
            norms = _grad_norms(_mlp(act, depth), probe_x, probe_y)
            ratio = norms[0] / norms[-1]
            ratio_by_depth[act].append(ratio)
            ctx.metric(f"ratio_init_depth{depth}_{act}", ratio)

    init_norms: dict[str, list[float]] = {}
    trained_norms: dict[str, list[float]] = {}
    curves: dict[str, tuple[list[int], list[float]]] = {}
    rows: list[list[Any]] = []
    for i, act in enumerate(ACTIVATIONS):
        ctx.progress(f"training the {DEPTH}-layer {_LABELS[act]} network", 0.2 + 0.25 * i)
        torch.manual_seed(ctx.seed)
        model = _mlp(act, DEPTH)
        init_norms[act] = _grad_norms(model, probe_x, probe_y)
        curves[act] = _train(model, x_train, y_train, epochs, ctx.seed, log_every=20)
        trained_norms[act] = _grad_norms(model, probe_x, probe_y)
        test_acc = ctx.metric(f"test_accuracy_{act}", accuracy(model, x_test, y_test))
        r0 = ctx.metric(f"ratio_init_{act}", init_norms[act][0] / init_norms[act][-1])
        r1 = ctx.metric(f"ratio_trained_{act}", trained_norms[act][0] / trained_norms[act][-1])
        final_loss = ctx.metric(f"final_train_loss_{act}", curves[act][1][-1])
        rows.append(
            [
                _LABELS[act],
                init_norms[act][0],
                init_norms[act][-1],
                r0,
                r1,
                final_loss,
                test_acc,
            ]
        )

    ctx.progress("tables and figures", 0.95)
    ctx.table(
        f"{DEPTH}-layer MLP ({WIDTH} units per layer), {epochs} epochs of SGD on "
        f"{n_train:,} images, accuracy on {n_test:,} test images",
        [
            "activation",
            "grad norm layer 1 (init)",
            f"grad norm layer {DEPTH} (init)",
            "ratio 1/last (init)",
            "ratio 1/last (trained)",
            "final train loss",
            "test accuracy",
        ],
        rows,
    )
    ctx.table(
        "First-to-last hidden-layer gradient ratio at initialisation, by depth",
        ["hidden layers", *[_LABELS[a] for a in ACTIVATIONS]],
        [[d, *[ratio_by_depth[a][k] for a in ACTIVATIONS]] for k, d in enumerate(depths)],
    )

    fig = ctx.new_figure(11, 4.2)
    ax1, ax2, ax3 = fig.subplots(1, 3)
    layers = list(range(1, DEPTH + 1))
    for act in ACTIVATIONS:
        c, label = _COLOURS[act], _LABELS[act]
        ax1.plot(layers, init_norms[act], "o-", color=c, label=f"{label}, init")
        ax1.plot(layers, trained_norms[act], "s--", color=c, alpha=0.6, label=f"{label}, trained")
        shown = [max(r, UNDERFLOW) for r in ratio_by_depth[act]]
        ax2.plot(depths, shown, "o-", color=c, label=label)
        ax3.plot(*curves[act], color=c, label=label)
    ax1.set(
        yscale="log", xlabel="hidden layer (1 = nearest the input)", ylabel="weight-gradient norm"
    )
    ax1.set_title(f"Gradient per layer, {DEPTH}-layer MLP")
    ax1.legend(fontsize=7)
    ax2.set(yscale="log", xlabel="hidden layers", ylabel="gradient norm, layer 1 / last")
    ax2.set_xticks(depths)
    ax2.axhline(1.0, color="grey", lw=0.8)
    ax2.set_title("Does the first layer still get gradient?")
    ax2.legend(fontsize=8)
    ax3.set(xlabel="SGD step", ylabel="training loss (mean over 20 steps)")
    ax3.set_title("Training curves")
    ax3.legend(fontsize=8)
    ctx.save_figure(
        fig,
        "activation_gradients",
        "Left: weight-gradient norm of each hidden layer of a 10-layer MLP at initialisation "
        "and after training (log scale). Middle: first-layer over last-layer gradient norm at "
        "initialisation as the network gets deeper (a ratio that underflows to zero is drawn at "
        "1e-30). Right: training loss with the same SGD "
        "settings for each activation.",
    )

    sig, tanh, relu = (ctx.metrics[f"ratio_init_{a}"] for a in ACTIVATIONS)
    tanh_deep = ctx.metrics[f"ratio_init_depth{depths[-1]}_tanh"]
    relu_deep = ctx.metrics[f"ratio_init_depth{depths[-1]}_relu"]
    acc = {a: ctx.metrics[f"test_accuracy_{a}"] for a in ACTIVATIONS}
    ctx.claim(
        "sigmoid-gradient-vanishes",
        "Sigmoid's derivative is at most 0.25 and backpropagation multiplies one such factor "
        "per layer, so the early layers of a deep network get almost no gradient.",
        sig < VANISHED,
        f"{DEPTH}-layer sigmoid MLP at init: layer-1 gradient is {sig:.1e} of the last layer's "
        f"(vanished means below {VANISHED})",
    )
    ctx.claim(
        "relu-gradient-passes",
        "ReLU's derivative is exactly 1 for positive inputs, so gradients pass through active "
        "units without shrinking.",
        HEALTHY <= relu <= 1 / HEALTHY and HEALTHY <= relu_deep <= 1 / HEALTHY,
        f"layer-1 / last-layer gradient ratio {relu:.2f} at {DEPTH} layers and {relu_deep:.2f} "
        f"at {depths[-1]} layers (He init; healthy means within {HEALTHY}-{1 / HEALTHY:g})",
    )
    ctx.claim(
        "tanh-gradient-vanishes",
        "(guide) ReLU mitigates the vanishing gradient problem, which is common with tanh in "
        "deeper networks.",
        tanh < VANISHED or tanh_deep < VANISHED,
        f"tanh at init (fan-in init, gain 5/3): layer-1 / last-layer ratio {tanh:.2f} at "
        f"{DEPTH} layers and {tanh_deep:.2f} at {depths[-1]} layers; sigmoid {sig:.1e}",
    )
    margin = 2.0 * math.sqrt(2.0 * 0.25 / n_test)
    ctx.metric("accuracy_margin", margin)
    ctx.claim(
        "relu-trains-sigmoid-stalls",
        "With sigmoid the deep network barely trains: with the same optimiser and epochs it "
        "learns far less than with ReLU.",
        acc["relu"] - acc["sigmoid"] > 0.1,
        f"test accuracy after {epochs} epochs: ReLU {acc['relu']:.3f}, sigmoid "
        f"{acc['sigmoid']:.3f} (chance is 0.100)",
    )
    ctx.claim(
        "tanh-trains-more-slowly",
        "Earlier model answer, echoing the guide's 'faster training': tanh is still fine in "
        "small networks, but it trains deep networks more slowly than ReLU.",
        acc["relu"] - acc["tanh"] > margin,
        f"test accuracy after {epochs} epochs: ReLU {acc['relu']:.3f}, tanh {acc['tanh']:.3f}; "
        f"a gap counts when above {margin:.3f} (two standard errors of a difference of two "
        f"accuracies on {n_test:,} images); final training loss ReLU "
        f"{ctx.metrics['final_train_loss_relu']:.3f}, tanh "
        f"{ctx.metrics['final_train_loss_tanh']:.3f}",
    )
    ctx.note(
        f"Depth sweep at initialisation (layer-1 / last-layer gradient): tanh "
        f"{tanh:.2g} at {DEPTH} layers and {tanh_deep:.3g} at {depths[-1]}, ReLU {relu:.2g} and "
        f"{relu_deep:.2g}, sigmoid {sig:.2g} and "
        f"{ctx.metrics[f'ratio_init_depth{depths[-1]}_sigmoid']:.2g}. A ratio above 1 means the "
        "layers near the input get larger gradients than the last one (growth, not vanishing)."
    )
    ctx.note(
        "Initialisation: every hidden layer uses PyTorch's kaiming_normal_ (fan-in, normal) "
        "with the gain recommended for its activation: 1 for sigmoid, 5/3 for tanh, sqrt(2) "
        "for ReLU (He initialisation); biases start at zero. All three networks share the "
        f"optimiser (SGD, learning rate {LEARNING_RATE}, momentum {MOMENTUM}, batch {BATCH}), "
        "which was fixed in advance, not tuned per activation."
    )
    ctx.note(
        "Gradient norms are of each hidden layer's weight matrix on one batch of 1,000 "
        "training images; layer 1 has 784 inputs and the others 128, so ratios near 1-5 mean "
        "no vanishing. The networks are MLPs, not CNNs: the mechanism is the same, the depth "
        "and numbers of a real image model are not."
    )


LAB = Lab(
    id="activation-gradients",
    title="Sigmoid, tanh and ReLU in a deep network: gradients per layer and accuracy",
    question_id="activation-function-for-image-classification",
    guide_question=9,
    summary=(
        "Trains three 10-layer MLPs on Fashion-MNIST that differ only in their hidden "
        "activation, each with the initialisation recommended for it, and measures the "
        "gradient reaching every layer, how it changes with depth, and the test accuracy after "
        "the same training. Sigmoid's gradient vanishes towards the input; with a matched "
        "initialisation tanh's does not at these depths, and ReLU's passes unchanged."
    ),
    datasets=[FASHION_MNIST],
    run=run,
)
