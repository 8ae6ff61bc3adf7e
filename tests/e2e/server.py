"""A real server for browser tests and screenshots: gunicorn on a free loopback port,
with a fresh SQLite database and a copy of the question banks."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("QUIZ_CHROMIUM", "/usr/bin/chromium")  # Debian's; no browser download here
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_tour_bank(questions_dir: Path) -> None:
    """A second bank, "tour": the crisis article with the first question of each type,
    in type order, so that one short quiz goes through all eight types."""
    source = ROOT / "questions" / "openai-crisis"
    tour = questions_dir / "tour"
    (tour / "questions").mkdir(parents=True)
    for name in ("source.yaml", "tags.yaml"):
        shutil.copy(source / name, tour / name)
    questions = []
    for path in sorted((source / "questions").glob("*.yaml")):
        questions.extend(yaml.safe_load(path.read_text(encoding="utf-8")))
    order = ["single", "multiple", "true_false", "short_text", "numeric", "ordering", "matching", "evidence"]
    picked = [next(q for q in questions if q["type"] == kind) for kind in order]
    used = {p for q in picked for p in q["passages"]}
    # Cite every passage so that the tour bank checks clean (uncited passages only warn).
    picked[0]["passages"] = picked[0]["passages"] + [p["id"] for p in yaml.safe_load(
        (source / "source.yaml").read_text(encoding="utf-8"))["passages"] if p["id"] not in used]
    (tour / "questions" / "tour.yaml").write_text(yaml.safe_dump(picked, allow_unicode=True, sort_keys=False),
                                                 encoding="utf-8")
    quizzes = [{
        "id": "quick", "title": {"fr": "Tour des types", "en": "Tour of the types"},
        "description": {"fr": "Une question de chaque type.", "en": "One question of each type."},
        "select": {"count": 8}, "shuffle_questions": False, "shuffle_choices": True, "feedback": "immediate",
    }]
    (tour / "quizzes.yaml").write_text(yaml.safe_dump(quizzes, allow_unicode=True, sort_keys=False), encoding="utf-8")


class Server:
    def __init__(self, workdir: Path, workers: int = 2):
        self.workdir = workdir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        questions = workdir / "questions"
        shutil.copytree(ROOT / "questions" / "openai-crisis", questions / "openai-crisis")
        write_tour_bank(questions)
        database = os.environ.get("E2E_DATABASE_URL") or f"sqlite:///{workdir / 'e2e.sqlite3'}"
        self.env = {**os.environ, "SECRET_KEY": "browser-tests-" + "x" * 32,
                    "DATABASE_URL": database, "QUESTIONS_DIR": str(questions)}
        self.env.pop("FLASK_DEBUG", None)
        self.env.pop("AUTHORING", None)
        self.workers = workers
        self.process = None

    def start(self) -> Server:
        subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "db", "upgrade"], cwd=ROOT, env=self.env,
                       check=True, capture_output=True)
        self.log = open(self.workdir / "server.log", "w")  # noqa: SIM115  (closed in stop)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", str(self.workers), "-b", f"127.0.0.1:{self.port}", "wsgi:app"],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("the server did not start: " + (self.workdir / "server.log").read_text()[-2000:])

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        if getattr(self, "log", None):
            self.log.close()
