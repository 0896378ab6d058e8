"""The debrief's decision: the loop's rule applied to the scorecards, with the reasons in words.

Every clause of the rule is checked and reported, passing or failing, so the candidate sees
exactly which one decided: an average below the bar, too many "no" ratings, a "strong no", the
Bar Raiser's veto, or the Leadership Principle average.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import fmean

from barraiser.content.schemas import DecisionRule, Rating, rating_value
from barraiser.interview.models import Decision, Scorecard

#: Ratings as a candidate reads them.
RATING_LABELS: dict[Rating, str] = {
    "strong-no": "strong no",
    "no": "no",
    "inclined": "inclined to hire",
    "strong-hire": "strong hire",
}


def _rating_phrase(rating: Rating) -> str:
    return f"“{RATING_LABELS[rating]}”"


def decision_sentences(rule: DecisionRule, values: str = "Leadership Principle") -> list[str]:
    """The debrief's hiring rule in plain sentences, in the order the debrief applies them.

    ``values`` names the loop's behavioural ratings ("Leadership Principle", "Netflix values").
    """
    sentences = [
        "Every interviewer writes a scorecard and rates the round: strong no, no, inclined to "
        "hire or strong hire (1 to 4).",
        f"To get an offer, the rounds must average at least {rule.min_mean_rating:g} out of 4.",
    ]
    if rule.max_no_ratings == 0:
        sentences.append("No round may be rated “no”: a single one means no hire.")
    elif rule.max_no_ratings == 1:
        sentences.append("At most one round may be rated “no”.")
    else:
        sentences.append(f"At most {rule.max_no_ratings} rounds may be rated “no”.")
    if rule.strong_no_blocks:
        sentences.append("A “strong no” from any interviewer means no hire.")
    sentences.append(_principle_sentence(rule, values))
    if rule.bar_raiser_veto:
        at = rule.veto_at_or_below
        worse = "" if at == "strong-no" else " or worse"
        sentences.append(
            "The Bar Raiser has a veto: if they rate you "
            f"{_rating_phrase(at)}{worse}, there is no offer, whatever the other rounds say."
        )
    if rule.min_lp_mean_rating is not None:
        sentences.append(
            f"Your {values} ratings, across all rounds, must average at least "
            f"{rule.min_lp_mean_rating:g} out of 4."
        )
    return sentences


def _principle_sentence(rule: DecisionRule, values: str) -> str:
    """How a round's Leadership Principle ratings weigh on its own rating, in words."""
    if rule.max_no_ratings == 0:
        allowed = f"A round whose stories earn a single {values} “no”"
    else:
        allowed = (
            f"A round whose stories earn more than {rule.max_no_ratings} {values} “no” ratings"
        )
    strong = " (or any “strong no”)" if rule.strong_no_blocks and rule.max_no_ratings else ""
    return f"{allowed}{strong} is rated “no” at best, whatever its scores."


def principle_cap(rule: DecisionRule, ratings: Sequence[Rating]) -> str | None:
    """Why a round's principle ratings keep it from a hire, or None when they do not.

    The loop's rule counts a round's Leadership Principle ratings as it counts the rounds'
    ratings: more "no" (or worse) ratings than ``max_no_ratings``, or a "strong no" where a
    strong no blocks, make the round a "no" at best.
    """
    nos = [r for r in ratings if rating_value(r) <= rating_value("no")]
    strong_nos = [r for r in ratings if r == "strong-no"]
    if len(nos) > rule.max_no_ratings:
        allowed = "none is" if rule.max_no_ratings == 0 else f"at most {rule.max_no_ratings} is"
        return (
            f"{len(nos)} Leadership Principle rating(s) of “no” or worse; {allowed} allowed in "
            "a round this loop hires from."
        )
    if strong_nos and rule.strong_no_blocks:
        return "A Leadership Principle rated “strong no”, which blocks a hire in this loop."
    return None


def _names(cards: Sequence[Scorecard]) -> str:
    return ", ".join(c.title for c in cards)


def _bar_raiser(cards: Sequence[Scorecard]) -> str:
    """The veto's subject: the Bar Raiser, naming the round unless it is itself called that."""
    if all(c.title.casefold() == "bar raiser" for c in cards):
        return "The Bar Raiser"
    return f"The Bar Raiser ({_names(cards)})"


def decide(rule: DecisionRule, scorecards: Sequence[Scorecard]) -> Decision:
    """Apply ``rule`` to the rounds' scorecards; every failing clause is a reason for no hire."""
    if not scorecards:
        raise ValueError("a decision needs at least one scorecard")
    values = [rating_value(c.rating) for c in scorecards]
    mean = fmean(values)
    passed: list[str] = []
    failed: list[str] = []
    vetoed = False

    if mean >= rule.min_mean_rating:
        passed.append(
            f"The rounds average {mean:.2f} out of 4, meeting the {rule.min_mean_rating:g} needed."
        )
    else:
        failed.append(
            f"The rounds average {mean:.2f} out of 4, below the {rule.min_mean_rating:g} needed."
        )

    # A "strong no" is a "no" too, for the count of "no" ratings.
    nos = [c for c in scorecards if rating_value(c.rating) <= rating_value("no")]
    if len(nos) > rule.max_no_ratings:
        allowed = "none is" if rule.max_no_ratings == 0 else f"at most {rule.max_no_ratings} is"
        failed.append(
            f"{len(nos)} round(s) rated “no” or worse ({_names(nos)}); {allowed} allowed."
        )
    elif nos:
        passed.append(
            f"{len(nos)} round(s) rated “no” or worse ({_names(nos)}), within what is allowed."
        )

    strong_nos = [c for c in scorecards if c.rating == "strong-no"]
    if strong_nos and rule.strong_no_blocks:
        failed.append(f"A “strong no” from {_names(strong_nos)} blocks the offer on its own.")
    elif strong_nos:
        passed.append(
            f"A “strong no” from {_names(strong_nos)} does not block the offer on its own in "
            "this loop."
        )

    raisers = [c for c in scorecards if c.bar_raiser]
    if rule.bar_raiser_veto and raisers:
        limit = rating_value(rule.veto_at_or_below)
        vetoing = [c for c in raisers if rating_value(c.rating) <= limit]
        if vetoing:
            vetoed = True
            words = RATING_LABELS[vetoing[0].rating]
            failed.insert(
                0,
                f"{_bar_raiser(vetoing)} rated you “{words}” and vetoes the hire, "
                "whatever the other rounds say.",
            )
        else:
            words = RATING_LABELS[raisers[0].rating]
            passed.append(f"The Bar Raiser rated you “{words}”: no veto.")

    if rule.min_lp_mean_rating is not None:
        lp_values = [
            rating_value(p.rating) for c in scorecards for p in c.principles if p.rating is not None
        ]
        if not lp_values:
            failed.append(
                "No Leadership Principle was shown in any round, and the loop needs an average "
                f"of {rule.min_lp_mean_rating:g}."
            )
        else:
            lp_mean = fmean(lp_values)
            if lp_mean >= rule.min_lp_mean_rating:
                passed.append(
                    f"Leadership Principles average {lp_mean:.2f}, meeting the "
                    f"{rule.min_lp_mean_rating:g} needed."
                )
            else:
                failed.append(
                    f"Leadership Principles average {lp_mean:.2f}, below the "
                    f"{rule.min_lp_mean_rating:g} needed."
                )
    lp_all = [rating_value(p.rating) for c in scorecards for p in c.principles if p.rating]
    hire = not failed
    return Decision(
        hire=hire,
        label="Hire" if hire else "No hire",
        mean_rating=round(mean, 2),
        lp_mean_rating=round(fmean(lp_all), 2) if lp_all else None,
        vetoed=vetoed,
        reasons=failed + passed if not hire else passed,
    )
