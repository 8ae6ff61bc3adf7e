"""`make loadtest`: a classroom rush against gunicorn, then the same while a worker is killed.

N students at once (threads, each with its own cookies, on loopback only) start the quick
quiz and answer its 10 questions. Checks, from the database: one response per answer that
got a success response, every attempt finished with the right total, no 5xx, no "database
is locked". The second round SIGKILLs a worker mid-run; every answer that got a success
response must be stored and every attempt must be resumable to the end.

    python bench/loadtest.py [--students 200] [--servers 1] [--database-url URL]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.server import Server  # noqa: E402

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


class Student:
    """One browser: its own connection and session cookie."""

    def __init__(self, urls: list[str], index: int):
        self.base = urlsplit(urls[index % len(urls)])  # students alternate between servers
        self.cookie = ""
        self.statuses: Counter = Counter()
        self.acknowledged: set[int] = set()  # questions whose answer got a success response
        self.public_id = None
        self.errors: list[str] = []

    def request(self, method, path, body=None):
        for attempt in range(5):
            connection = http.client.HTTPConnection(self.base.hostname, self.base.port, timeout=60)
            headers = {"Cookie": self.cookie, "Accept-Language": "fr"}
            if body is not None:
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                text = response.read().decode()
            except (OSError, http.client.HTTPException) as exc:  # a killed worker drops its connections
                self.errors.append(f"{method} {path}: {exc!r}")
                time.sleep(0.2 * (attempt + 1))
                continue
            finally:
                connection.close()
            cookie = response.getheader("Set-Cookie")
            if cookie:
                self.cookie = cookie.split(";", 1)[0]
            self.statuses[response.status] += 1
            return response.status, response.getheader("Location"), text
        return None, None, ""

    def answer_form(self, html: str) -> dict:
        form = {"csrf_token": TOKEN.search(html).group(1)}
        kind = re.search(r'class="question (\w+)"', html).group(1)
        if kind in ("single", "true_false", "evidence", "multiple"):
            form["answer"] = re.search(r'name="answer" value="([^"]+)"', html).group(1)
        elif kind in ("short_text", "numeric"):
            form["answer"] = "12"
        elif kind == "ordering":
            for position, name in enumerate(re.findall(r'name="(pos-[^"]+)"', html), start=1):
                form[name] = str(position)
        elif kind == "matching":
            first = re.findall(r'<option value="([^"]+)">', html)[0]
            for name in re.findall(r'name="(match-[^"]+)"', html):
                form[name] = first
        return form

    def take_quiz(self, finish: bool = True):
        status, _location, home = self.request("GET", "/")
        if status != 200:
            return
        status, location, _ = self.request("POST", "/start/openai-crisis/quick",
                                           urlencode({"csrf_token": TOKEN.search(home).group(1)}))
        if status != 302:
            return
        self.public_id = location.split("/")[2]
        self.resume(finish)

    def resume(self, finish: bool = True):
        for _ in range(40):
            status, location, _ = self.request("GET", f"/a/{self.public_id}")
            if status != 302 or location.endswith("/results"):
                return
            n = int(location.rsplit("/", 1)[1])
            status, _, page = self.request("GET", location)
            if status != 200 or "csrf_token" not in page:
                continue
            status, _, _ = self.request("POST", location, urlencode(self.answer_form(page), doseq=True))
            if status == 302:
                self.acknowledged.add(n)
            if not finish and len(self.acknowledged) >= 5:
                return


def run_round(urls, students_count, kill=None):
    students = [Student(urls, i) for i in range(students_count)]
    threads = [threading.Thread(target=s.take_quiz) for s in students]
    started = time.perf_counter()
    for t in threads:
        t.start()
    if kill:
        time.sleep(1.0)
        kill()
    for t in threads:
        t.join()
    return students, time.perf_counter() - started


def check(students, database_url, logs, label) -> list[str]:
    """What the database holds against what the students were told."""
    from sqlalchemy import create_engine, text

    problems = []
    engine = create_engine(database_url)
    ids = [s.public_id for s in students if s.public_id]
    with engine.connect() as db:
        stored = {}
        for row in db.execute(text("SELECT a.public_id, r.position FROM response r JOIN attempt a ON a.id = r.attempt_id")):
            stored.setdefault(row[0], set()).add(row[1])
        attempts = {row[0]: row[1:] for row in db.execute(text(
            "SELECT a.public_id, a.finished_at, a.points, (SELECT coalesce(sum(points), 0) FROM response r "
            "WHERE r.attempt_id = a.id), (SELECT count(*) FROM response r WHERE r.attempt_id = a.id) FROM attempt a"))}
    engine.dispose()
    for student in students:
        missing = student.acknowledged - stored.get(student.public_id, set())
        if missing:
            problems.append(f"{student.public_id}: acknowledged answers {sorted(missing)} are not stored")
        finished, points, total, count = attempts.get(student.public_id, (None, 0, 0, 0))
        if count != 10 or finished is None:
            problems.append(f"{student.public_id}: {count} responses, finished={finished is not None}")
        elif abs(points - total) > 1e-6:
            problems.append(f"{student.public_id}: total {points} but responses sum to {total}")
    statuses = sum((s.statuses for s in students), Counter())
    server_errors = sum(n for code, n in statuses.items() if code >= 500)
    locked = sum(log.read_text().count("database is locked") for log in logs)
    responses = sum(len(stored.get(i, ())) for i in ids)
    print(f"{label}: {len(ids)} attempts, {responses} responses stored, "
          f"{sum(1 for i in ids if attempts.get(i, (None,))[0] is not None)} finished; statuses {dict(sorted(statuses.items()))}; "
          f"5xx {server_errors}; 'database is locked' {locked}; dropped connections "
          f"{sum(len(s.errors) for s in students)}")
    if server_errors:
        problems.append(f"{server_errors} responses were 5xx")
    if locked:
        problems.append(f"'database is locked' appears {locked} times in the server logs")
    return problems


def worker_pids(server: Server) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(server.process.pid)], capture_output=True, text=True).stdout
    return [int(pid) for pid in out.split()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--servers", type=int, default=1)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        servers = []
        for i in range(args.servers):
            workdir = Path(tmp) / f"server{i}"
            workdir.mkdir()
            server = Server(workdir, workers=args.workers)
            server.env["DATABASE_URL"] = args.database_url or f"sqlite:///{Path(tmp) / 'load.sqlite3'}"
            server.env["ANSWER_RATE_LIMIT"] = "30 per minute"
            servers.append(server.start())
        database_url = servers[0].env["DATABASE_URL"]
        urls = [s.url for s in servers]
        logs = [s.workdir / "server.log" for s in servers]
        try:
            students, seconds = run_round(urls, args.students)
            print(f"round 1: {args.students} students × 10 answers in {seconds:.1f} s")
            problems += check(students, database_url, logs, "round 1")
            if len(sum((list(s.acknowledged) for s in students), [])) != args.students * 10:
                problems.append("round 1: not every answer was acknowledged")

            def kill_one_worker():
                victim = worker_pids(servers[0])[0]
                os.kill(victim, signal.SIGKILL)
                print(f"round 2: SIGKILL sent to worker {victim}")

            students, seconds = run_round(urls, args.students, kill=kill_one_worker)
            # Whoever lost a request to the killed worker comes back and resumes.
            for student in students:
                if student.public_id:
                    student.resume()
            print(f"round 2: {args.students} students × 10 answers, one worker killed, in {seconds:.1f} s")
            problems += check(students, database_url, logs, "round 2")
        finally:
            for server in servers:
                server.stop()
    for problem in problems[:20]:
        print("PROBLEM:", problem)
    print("loadtest: " + ("FAILED" if problems else "passed"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
