"""Finds the labs: every module ``barraiser.labs.qNN_<name>`` defines one ``LAB``.

Lab modules import their heavy libraries inside ``run`` so listing labs stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from pathlib import Path

from barraiser.labs.base import Lab, LabError


@lru_cache(maxsize=1)
def _labs() -> dict[str, Lab]:
    found: dict[str, Lab] = {}
    package_dir = Path(__file__).parent
    for info in sorted(pkgutil.iter_modules([str(package_dir)]), key=lambda m: m.name):
        if not (info.name.startswith("q") and info.name[1:3].isdigit()):
            continue
        module_name = f"barraiser.labs.{info.name}"
        module = importlib.import_module(module_name)
        lab = getattr(module, "LAB", None)
        if not isinstance(lab, Lab):
            raise LabError(f"{module_name} defines no LAB = Lab(...)")
        if lab.id in found:
            raise LabError(f"two labs share the id {lab.id!r}")
        found[lab.id] = Lab(**{**lab.__dict__, "module": module_name})
    return found


def all_labs() -> list[Lab]:
    """Every lab, in the order of the guide's questions."""
    return sorted(_labs().values(), key=lambda lab: (lab.guide_question, lab.id))


def lab_ids() -> list[str]:
    return [lab.id for lab in all_labs()]


def get_lab(lab_id: str) -> Lab:
    """The lab with this id, or a LabError that lists the known ids."""
    labs = _labs()
    if lab_id not in labs:
        known = ", ".join(sorted(labs)) or "none"
        raise LabError(f"unknown lab {lab_id!r}: known labs are {known} (see `barraiser lab list`)")
    return labs[lab_id]


def labs_for_question(question_id: str) -> list[Lab]:
    return [lab for lab in all_labs() if lab.question_id == question_id]
