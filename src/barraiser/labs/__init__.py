"""ML labs: small, honest experiments on real data that check the claims of the model answers.

Each ``qNN_<name>`` module backs the guide's question NN with one ``LAB``; see ``base.py``.
"""

from barraiser.labs.base import Claim, Lab, LabContext, LabError, LabResult
from barraiser.labs.registry import all_labs, get_lab, lab_ids, labs_for_question
from barraiser.labs.runner import cached_result, run_lab

__all__ = [
    "Claim",
    "Lab",
    "LabContext",
    "LabError",
    "LabResult",
    "all_labs",
    "cached_result",
    "get_lab",
    "lab_ids",
    "labs_for_question",
    "run_lab",
]
