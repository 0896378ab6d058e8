"""Export a lab as a Jupyter notebook: its description, its code, a run and the results."""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

from barraiser.labs.base import LabError
from barraiser.labs.registry import get_lab

_RUN = """from pathlib import Path

from barraiser.labs.base import LabContext

# "fast" runs in seconds; "full" is the size the lab's figures and claims are quoted at.
ctx = LabContext(size="fast", out_dir=Path("{lab_id}-output"), seed=20261127)
LAB.run(ctx)
print(f"{{len(ctx.claims)}} claims checked, figures in {{ctx.out_dir}}")"""

_SHOW = """import pandas as pd

try:
    from IPython.display import Image, display
except ImportError:  # plain Python: print instead
    Image, display = str, print

for table in ctx.tables:
    print(table.title)
    display(pd.DataFrame(table.rows, columns=table.columns))
for claim in ctx.claims:
    print(("HOLDS  " if claim.holds else "FAILS  ") + claim.text + "\\n       " + claim.evidence)
for figure in ctx.figures:
    print(figure.caption)
    display(Image(str(ctx.out_dir / figure.file)))"""


def build_notebook(lab_id: str) -> object:
    """The notebook object (nbformat v4) for one lab."""
    import nbformat.v4 as nbf

    lab = get_lab(lab_id)
    module = sys.modules[lab.module]
    source = inspect.getsource(module)
    datasets = "\n".join(
        f"- **{d.title}**: {d.licence}. Cite: {d.citation}. From: {d.origin}." for d in lab.datasets
    )
    intro = (
        f"# {lab.title}\n\n"
        f"Backs the guide's question {lab.guide_question} (`{lab.question_id}` in the bank; "
        f"`barraiser questions show {lab.question_id}`).\n\n{lab.summary}\n\n"
        f"## Data\n{datasets}\n\n"
        "The next cell is the lab's code as barraiser runs it (`barraiser lab run "
        f"{lab.id}`). Change it and run the cells again to see how the numbers move."
    )
    notebook = nbf.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    notebook.cells = [
        nbf.new_markdown_cell(intro),
        nbf.new_code_cell(source.rstrip()),
        nbf.new_markdown_cell("## Run it"),
        nbf.new_code_cell(_RUN.format(lab_id=lab.id)),
        nbf.new_markdown_cell("## Results, claims and figures"),
        nbf.new_code_cell(_SHOW),
    ]
    return notebook


def write_notebook(lab_id: str, path: Path) -> Path:
    """Write the lab's notebook to ``path`` (validated against the nbformat schema)."""
    import nbformat

    notebook = build_notebook(lab_id)
    nbformat.validate(notebook)
    if path.is_dir():
        path = path / f"{lab_id}.ipynb"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as f:
            nbformat.write(notebook, f)
    except OSError as exc:
        raise LabError(f"cannot write {path}: {exc.strerror}; choose another --out") from exc
    return path
