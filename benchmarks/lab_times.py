"""Run every lab uncached and print its run time and the verdict of each claim.

Usage: python benchmarks/lab_times.py [--fast] [--lab ID ...] [--json FILE]
Each lab runs in a fresh subprocess (so imports and model set-up count, as for a user) with a
temporary cache.  The baseline is the same subprocess running `barraiser lab list` (start-up and
imports of every lab module), so the ratio shows what the experiment itself costs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _run(args: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "barraiser", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return time.perf_counter() - start, done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fast", action="store_true", help="Time the fast (test) size.")
    parser.add_argument("--lab", action="append", default=[], help="Only these lab ids.")
    parser.add_argument("--json", type=Path, help="Also write the figures to this JSON file.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "BARRAISER_DATA_DIR": data_dir}
        baseline, listed = _run(["lab", "list", "--json"], env)
        if listed.returncode != 0:
            sys.exit(listed.stderr)
        labs = json.loads(listed.stdout)
        print(f"baseline `barraiser lab list`: {baseline:.2f} s")
        rows = []
        for lab in labs:
            if args.lab and lab["id"] not in args.lab:
                continue
            run_args = ["lab", "run", lab["id"], "--json", "--no-cache"]
            if args.fast:
                run_args.append("--fast")
            wall, done = _run(run_args, env)
            if done.returncode != 0:
                print(f"Q{lab['guide_question']:>2} {lab['id']}: FAILED\n{done.stderr}")
                rows.append({"id": lab["id"], "failed": done.stderr.strip()})
                continue
            result = json.loads(done.stdout)
            held = sum(c["holds"] for c in result["claims"])
            print(
                f"Q{lab['guide_question']:>2} {lab['id']}: lab {result['seconds']:.1f} s, "
                f"process {wall:.1f} s ({wall / baseline:.1f}x baseline), "
                f"claims {held}/{len(result['claims'])} hold"
            )
            for claim in result["claims"]:
                mark = "holds" if claim["holds"] else "FAILS"
                print(f"      {mark}: {claim['text']} [{claim['evidence']}]")
            rows.append(
                {
                    "id": lab["id"],
                    "guide_question": lab["guide_question"],
                    "lab_s": result["seconds"],
                    "process_s": round(wall, 2),
                    "claims": [
                        {"text": c["text"], "holds": c["holds"], "evidence": c["evidence"]}
                        for c in result["claims"]
                    ],
                }
            )
    if args.json:
        args.json.write_text(json.dumps({"baseline_s": baseline, "labs": rows}, indent=2))


if __name__ == "__main__":
    main()
