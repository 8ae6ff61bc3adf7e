"""`make test-postgres`: the whole suite and the integrity test on a real PostgreSQL server.

Installs Debian's postgresql package when it is missing (as root), starts a throwaway
cluster on a free loopback port, runs the migrations and the whole pytest suite against it
(TEST_DATABASE_URL), then the load integrity test with two gunicorn servers sharing it,
and removes the cluster.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.server import free_port  # noqa: E402


def pg_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        if os.geteuid() != 0 or not shutil.which("apt-get"):
            sys.exit("PostgreSQL is not installed: apt-get install postgresql")
        subprocess.run(["apt-get", "update", "-qq"], check=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "postgresql"], check=True, stdout=subprocess.DEVNULL,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent


def as_postgres(command: list[str], **kw):
    """PostgreSQL refuses to run as root: run its tools as the postgres user when we are root."""
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    return subprocess.run(command, check=True, **kw)


class Cluster:
    def __init__(self):
        self.bin = pg_bin()
        self.dir = Path(tempfile.mkdtemp(prefix="quiz-pg-"))
        self.port = free_port()
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")

    def start(self) -> Cluster:
        data = self.dir / "data"
        as_postgres([str(self.bin / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"],
                    stdout=subprocess.DEVNULL)
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        as_postgres([str(self.bin / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(self.dir / "log"), "-w",
                     "start"], stdout=subprocess.DEVNULL)
        for name in ("quiz_test", "quiz_e2e", "quiz_load"):
            as_postgres([str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name])
        return self

    def url(self, name: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self):
        as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "fast", "-w", "stop"],
                    stdout=subprocess.DEVNULL)
        shutil.rmtree(self.dir, ignore_errors=True)


def main() -> int:
    cluster = Cluster().start()
    print(f"PostgreSQL {cluster.bin.parent.name} on 127.0.0.1:{cluster.port}")
    try:
        env = {**os.environ, "TEST_DATABASE_URL": cluster.url("quiz_test"), "E2E_DATABASE_URL": cluster.url("quiz_e2e"),
               "DATABASE_URL": cluster.url("quiz_test")}
        env.pop("FLASK_DEBUG", None)
        subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "db", "upgrade"], cwd=ROOT, env=env, check=True)
        started = time.perf_counter()
        suite = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:randomly"], cwd=ROOT, env=env)
        print(f"pytest on PostgreSQL: exit {suite.returncode} in {time.perf_counter() - started:.0f} s")
        load = subprocess.run([sys.executable, "bench/loadtest.py", "--servers", "2", "--students",
                               os.environ.get("LOAD_STUDENTS", "100"), "--database-url", cluster.url("quiz_load")],
                              cwd=ROOT)
        return suite.returncode or load.returncode
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
