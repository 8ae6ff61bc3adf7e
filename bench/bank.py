"""Benchmark: `flask quiz check` on a generated 5,000-question bank (target: at most 1.0 s).

Copies the shipped bank's article and questions, renaming each question, until the bank
holds 5,000 questions in 50 files; then runs the real command several times and prints
the wall-clock figures. Nothing here asserts: the figures are for reading.

The project's modules are byte-compiled first and one untimed run warms the disk cache:
the figures are those of a teacher's second check, not of the first run after an install
(or of a machine where PYTHONDONTWRITEBYTECODE keeps Python from caching bytecode).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE_BANK = ROOT / "questions" / "openai-crisis"
TARGET, FILES, RUNS = 5000, 50, 9


def build(directory: Path) -> int:
    bank = directory / "big"
    (bank / "questions").mkdir(parents=True)
    for name in ("source.yaml", "tags.yaml", "quizzes.yaml"):
        shutil.copy(SOURCE_BANK / name, bank / name)
    originals = []
    for path in sorted((SOURCE_BANK / "questions").glob("*.yaml")):
        originals.extend(yaml.safe_load(path.read_text(encoding="utf-8")))
    per_file = TARGET // FILES
    made = 0
    for f in range(FILES):
        batch = []
        for _ in range(per_file):
            question = dict(originals[made % len(originals)])
            question["id"] = f"{question['id']}-{made}"
            batch.append(question)
            made += 1
        text = yaml.safe_dump(batch, allow_unicode=True, sort_keys=False, width=1000)
        (bank / "questions" / f"part-{f:02d}.yaml").write_text(text, encoding="utf-8")
    return made


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        count = build(Path(tmp))
        size = sum(p.stat().st_size for p in Path(tmp).rglob("*.yaml"))
        command = [sys.executable, "-m", "flask", "--app", "wsgi", "quiz", "check", str(Path(tmp) / "big")]
        env = {**os.environ, "FLASK_DEBUG": "1"}
        subprocess.run([sys.executable, "-m", "compileall", "-q", "quiz", "wsgi.py"], cwd=ROOT, check=True)
        subprocess.run(command, cwd=ROOT, env=env, capture_output=True)
        timings = []
        for _ in range(RUNS):
            start = time.perf_counter()
            done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
            timings.append(time.perf_counter() - start)
        summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-500:]
        sys.path.insert(0, str(ROOT))
        from quiz.bank.load import load_bank

        core = []
        for _ in range(RUNS):
            start = time.perf_counter()
            load_bank(Path(tmp) / "big", check_only=True)
            core.append(time.perf_counter() - start)
        print(f"bank: {count} questions in {FILES} files, {size / 1e6:.1f} MB of YAML; {os.cpu_count()} cores")
        print(f"flask quiz check: exit {done.returncode}; {summary}")
        print(f"wall time over {RUNS} runs: best {min(timings):.3f} s, median {statistics.median(timings):.3f} s, "
              f"worst {max(timings):.3f} s (target: at most 1.0 s)")
        print(f"of which loading and checking the bank (in process, {RUNS} runs): best {min(core):.3f} s, "
              f"median {statistics.median(core):.3f} s")


if __name__ == "__main__":
    main()
