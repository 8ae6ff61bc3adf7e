"""`make bench`: the quiz under gunicorn against a hello-world Flask app under the same settings.

Both are driven by wrk (50 connections, 10 s, loopback only) with bench/requests.lua:
(a) GET of question pages of existing attempts, (b) POST of answers to fresh attempts, each
with its session cookie and CSRF token; and, for reference, (c) GET /healthz (one query). Prints req/s, p50, p99 and errors, each figure's
ratio to hello-world, and the RSS of every worker after the run; writes bench/RESULTS.md.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CONNECTIONS, DURATION, THREADS = 50, 10, 2
WORKERS = 2 * (os.cpu_count() or 1)
GET_ATTEMPTS, POST_ATTEMPTS = 500, 15_000
TARGETS = {"get": 0.5, "post": 0.3}


def need_wrk() -> str:
    path = shutil.which("wrk")
    if path:
        return path
    if os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL)
        return shutil.which("wrk")
    sys.exit("wrk is needed: apt-get install wrk")


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gunicorn(app: str, env: dict, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", str(WORKERS), "--bind", f"127.0.0.1:{port}", app],
        cwd=ROOT, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT)  # noqa: SIM115
    url = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(url + "/", timeout=1).close()
            return process, url
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{app} did not start: {log.read_text()[-1000:]}")


def prepare(env: dict, workdir: Path) -> tuple[Path, Path]:
    """Attempts made straight in the database, with the cookies and tokens a browser would hold."""
    os.environ.update(env)
    from flask import session
    from flask_wtf.csrf import generate_csrf

    from quiz import create_app
    from quiz.bank.generate import plan_for
    from quiz.banks import get_bank
    from quiz.extensions import db
    from quiz.models import Attempt
    from tests.helpers import form_for

    app = create_app()
    serializer = app.session_interface.get_signing_serializer(app)
    gets, posts = workdir / "get.tsv", workdir / "post.tsv"
    with app.app_context():
        bank = get_bank("openai-crisis")
        quiz = bank.quizzes["quick"]
        made = []
        for i in range(GET_ATTEMPTS + POST_ATTEMPTS):
            attempt = Attempt(owner=f"bench-owner-{i:06d}", bank=bank.id, quiz=quiz.id, seed=i,
                              plan=plan_for(bank, quiz, i), feedback=quiz.feedback, locale="fr", max_points=10.0)
            db.session.add(attempt)
            made.append(attempt)
        db.session.flush()
        made = [(a.owner, a.public_id, a.plan[0]) for a in made]
        db.session.commit()
    with open(gets, "w") as get_file, open(posts, "w") as post_file:
        for i, (owner, public_id, entry) in enumerate(made):
            # A request context of its own (and so an app context and a g of its own), as for a new browser.
            with app.test_request_context():
                session["owner"] = owner
                token = generate_csrf()
                cookie = "session=" + serializer.dumps(dict(session))
            if i < GET_ATTEMPTS:
                get_file.write(f"GET\t/a/{public_id}/1\t{cookie}\n")
            else:
                form = form_for(bank.questions[entry["q"]], entry["layout"], True)
                body = urllib.parse.urlencode({"csrf_token": token, **form}, doseq=True)
                post_file.write(f"POST\t/a/{public_id}/1\t{cookie}\t{body}\n")
    return gets, posts


def run_wrk(wrk: str, url: str, requests_file: Path) -> dict:
    done = subprocess.run(
        [wrk, "--latency", "-t", str(THREADS), "-c", str(CONNECTIONS), "-d", f"{DURATION}s", "--timeout", "5s",
         "-s", str(ROOT / "bench" / "requests.lua"), url, "--", str(requests_file), str(THREADS)],
        capture_output=True, text=True, timeout=DURATION + 60, check=True)
    out = done.stdout

    def latency(label):
        match = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non_ok = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    total = int(re.search(r"(\d+) requests in", out).group(1))
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), "p50": latency("50"),
            "p99": latency("99"), "errors": errors + (int(non_ok.group(1)) if non_ok else 0), "requests": total}


def worker_rss(master: subprocess.Popen) -> list[float]:
    children = subprocess.run(["ps", "-o", "pid=", "--ppid", str(master.pid)], capture_output=True, text=True).stdout
    sizes = []
    for pid in children.split():
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return sizes


def main() -> None:
    wrk = need_wrk()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        env = {**os.environ, "SECRET_KEY": "bench-" + "k" * 40, "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
               "ANSWER_RATE_LIMIT": "30 per minute"}
        env.pop("FLASK_DEBUG", None)
        env.pop("AUTHORING", None)
        subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "db", "upgrade"], cwd=ROOT, env=env,
                       check=True, capture_output=True)
        started = time.perf_counter()
        gets, posts = prepare(env, workdir)
        print(f"prepared {GET_ATTEMPTS} attempts to read and {POST_ATTEMPTS} to answer "
              f"in {time.perf_counter() - started:.1f} s")
        hello_file = workdir / "hello.tsv"
        hello_file.write_text("GET\t/\t\n")
        health_file = workdir / "health.tsv"
        health_file.write_text("GET\t/healthz\t\n")
        hello_post = workdir / "hello-post.tsv"
        hello_post.write_text(posts.read_text().splitlines()[0].replace("/a/", "/?a=", 1).split("\t", 1)[0]
                              + "\t/\t\t" + posts.read_text().splitlines()[0].split("\t")[3] + "\n")
        quiz, quiz_url = gunicorn("wsgi:app", env, workdir / "quiz.log")
        hello, hello_url = gunicorn("bench.hello:app", env, workdir / "hello.log")
        try:
            results = {
                ("get", "hello"): run_wrk(wrk, hello_url, hello_file),
                ("health", "quiz"): run_wrk(wrk, quiz_url, health_file),
                ("get", "quiz"): run_wrk(wrk, quiz_url, gets),
                ("post", "hello"): run_wrk(wrk, hello_url, hello_post),
                ("post", "quiz"): run_wrk(wrk, quiz_url, posts),
            }
            rss = worker_rss(quiz)
        finally:
            for process in (quiz, hello):
                process.terminate()
                process.wait(timeout=20)
        stored = count_responses(env)
    report(results, rss, stored)


def count_responses(env) -> int:
    import sqlite3

    path = env["DATABASE_URL"].removeprefix("sqlite:///")
    return sqlite3.connect(path).execute("select count(*) from response").fetchone()[0]


def report(results: dict, rss: list[float], stored: int) -> None:
    lines = [f"{dt.date.today()} · {os.cpu_count()} cores · gunicorn {WORKERS} sync workers · wrk {THREADS} threads, "
             f"{CONNECTIONS} connections, {DURATION} s per run · SQLite", "",
             "| run | app | req/s | ratio | p50 ms | p99 ms | errors |", "|---|---|---:|---:|---:|---:|---:|"]
    verdicts = []
    for kind, label in (("get", "(a) GET question page"), ("post", "(b) POST answer")):
        hello, quiz = results[kind, "hello"], results[kind, "quiz"]
        ratio = quiz["rps"] / hello["rps"]
        lines.append(f"| {label} | hello-world | {hello['rps']:.0f} | 1.00 | {hello['p50']:.1f} | {hello['p99']:.1f} | "
                     f"{hello['errors']} |")
        lines.append(f"| {label} | quiz | {quiz['rps']:.0f} | {ratio:.2f} | {quiz['p50']:.1f} | {quiz['p99']:.1f} | "
                     f"{quiz['errors']} |")
        verdicts.append(f"{label}: ratio {ratio:.2f} (target ≥ {TARGETS[kind]}) "
                        f"{'met' if ratio >= TARGETS[kind] else 'NOT met'}; p99 {quiz['p99']:.1f} ms (target ≤ 100) "
                        f"{'met' if quiz['p99'] <= 100 else 'NOT met'}; errors {quiz['errors']} (target 0) "
                        f"{'met' if quiz['errors'] == 0 else 'NOT met'}")
    health, hello = results["health", "quiz"], results["get", "hello"]
    lines.append(f"| (c) GET /healthz, for reference | quiz | {health['rps']:.0f} | {health['rps'] / hello['rps']:.2f} | "
                 f"{health['p50']:.1f} | {health['p99']:.1f} | {health['errors']} |")
    lines += ["", "(c) has no target: one SELECT and a few bytes of JSON through the app's own request hooks, it "
                  "shows how far any page that reads the database can go here.",
              "", f"Answers stored by run (b): {stored}; wrk counted {results['post', 'quiz']['requests']} completed "
                  f"requests (each answers a different attempt; those in flight when wrk stopped are stored too).",
              f"RSS per quiz worker after the runs: {', '.join(f'{m:.0f}' for m in rss)} MB "
              f"(target ≤ 80 MB: {'met' if rss and max(rss) <= 80 else 'NOT met'}).", ""]
    lines += [f"- {v}" for v in verdicts]
    text = "\n".join(lines)
    print(text)
    (ROOT / "bench" / "RESULTS.md").write_text("# `make bench` results\n\nMade by `make bench` (bench/run.py); "
                                               "figures from the last run on this machine.\n\n" + text + "\n")


if __name__ == "__main__":
    main()
