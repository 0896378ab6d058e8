"""The built wheel ships the content and templates, and an installed copy finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_wheel_ships_content_and_finds_it(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(wheels),
            str(PROJECT_ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("barraiser-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "barraiser/_content/loops/amazon-mle.yaml" in names
    assert "barraiser/_content/leadership_principles.yaml" in names
    shipped_questions = [n for n in names if n.startswith("barraiser/_content/questions/")]
    on_disk = list((PROJECT_ROOT / "content" / "questions").rglob("*.yaml"))
    assert len(shipped_questions) == len(on_disk)
    assert any(n.startswith("barraiser/web/templates/") for n in names)
    # The labs' data ships with its licences (a release must not download data).
    lab_data = PROJECT_ROOT / "src" / "barraiser" / "labs" / "data"
    for folder in (p for p in lab_data.iterdir() if p.is_dir()):
        assert f"barraiser/labs/data/{folder.name}/LICENSE.md" in names, folder.name
        for file in folder.iterdir():
            assert f"barraiser/labs/data/{folder.name}/{file.name}" in names, file

    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import barraiser; from barraiser.content.check import check_content;"
        "from barraiser.content.loader import default_content_dir;"
        "bank, problems = check_content(); "
        "print(barraiser.__file__); print(default_content_dir()); "
        "print(len(bank.questions), len(problems))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(target)],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    ).stdout.splitlines()
    assert out[0].startswith(str(target))
    assert out[1] == str(target / "barraiser" / "_content")
    assert out[2] == f"{len(on_disk)} 0"
