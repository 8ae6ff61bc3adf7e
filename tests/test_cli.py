"""`flask quiz check` and `flask quiz schema`, as a teacher runs them."""

import json
import re
import shutil
from pathlib import Path

import pytest

from .bank.conftest import QUESTIONS, write_bank

REAL_BANK = Path(__file__).resolve().parent.parent / "questions" / "openai-crisis"
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): (?P<message>.+)$")


def test_shipped_banks_pass(runner):
    result = runner.invoke(args=["quiz", "check"])
    assert result.exit_code == 0, result.output
    summary = result.output.strip().splitlines()[-1]
    assert summary.startswith("openai-crisis: ")
    assert summary.endswith("errors: 0; warnings: 0") and "cited: 100%" in summary
    assert re.search(r"questions: \d+ \(ordering \d+, matching \d+, single \d+, multiple \d+, true_false \d+, "
                     r"evidence \d+, short_text \d+, numeric \d+\)", summary), summary


def test_every_problem_as_path_line_col(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    broken = QUESTIONS.replace("  type: single", "  type: singel").replace("[p-two]", "[p-zwei]")
    write_bank(tmp_path, questions=broken)
    result = runner.invoke(args=["quiz", "check", "demo"])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    problems = [LINE.match(line) for line in lines[:-1]]
    assert all(problems), lines
    assert {m["message"] for m in problems} >= {
        "unknown question type 'singel'; did you mean 'single'?",
        "there is no passage 'p-zwei' in source.yaml",
    }
    assert [m["path"] for m in problems][0] == "demo/questions/q.yaml"
    assert lines[-1].endswith("errors: 3; warnings: 2"), lines[-1]


def test_warnings_alone_exit_zero(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_bank(tmp_path, questions=QUESTIONS.replace("[p-two]", "[p-one]"))
    result = runner.invoke(args=["quiz", "check", "demo"])
    assert result.exit_code == 0
    assert "demo/source.yaml:10:9: warning: no question cites the passage 'p-two'" in result.output


@pytest.mark.parametrize("how", ["option", "environment"])
def test_messages_in_french(runner, tmp_path, monkeypatch, how):
    monkeypatch.chdir(tmp_path)
    write_bank(tmp_path, questions=QUESTIONS.replace("  prompt:", "  promt:", 1))
    if how == "option":
        result = runner.invoke(args=["quiz", "check", "--lang", "fr", "demo"])
    else:
        monkeypatch.delenv("LC_ALL", raising=False)
        monkeypatch.delenv("LC_MESSAGES", raising=False)
        monkeypatch.setenv("LANG", "fr_FR.UTF-8")
        result = runner.invoke(args=["quiz", "check", "demo"])
    assert "demo/questions/q.yaml:6:3: error: clé inconnue « promt » ; vouliez-vous dire « prompt » ?" in result.output
    assert result.output.splitlines()[-1].endswith("erreurs : 3 ; avertissements : 1")


def test_one_file_reports_only_that_file(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_bank(tmp_path, questions=QUESTIONS.replace("  type: single", "  type: singel"),
               quizzes="- {id: x}\n")
    result = runner.invoke(args=["quiz", "check", "demo/questions/q.yaml"])
    assert result.exit_code == 1
    assert "singel" in result.output and "quizzes.yaml" not in result.output


def test_a_questions_root_checks_every_bank(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_bank(tmp_path / "root", name="one")
    shutil.copytree(REAL_BANK, tmp_path / "root" / "two")
    result = runner.invoke(args=["quiz", "check", "root"])
    assert result.exit_code == 0
    assert result.output.count("errors: 0; warnings: ") == 2


def test_schema_is_written_for_editors(runner, tmp_path):
    result = runner.invoke(args=["quiz", "schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    questions = json.loads((tmp_path / "questions.json").read_text())
    text = json.dumps(questions)
    for name in ("single", "multiple", "true_false", "short_text", "numeric", "ordering", "matching", "evidence"):
        assert f'"{name}"' in text
    assert json.loads((tmp_path / "source.json").read_text())["properties"]["passages"]


def test_shipped_schemas_are_current(runner, tmp_path):
    out = tmp_path / "schema"
    runner.invoke(args=["quiz", "schema", "--out", str(out)])
    shipped = REAL_BANK.parent / "schema"
    for fresh in out.iterdir():
        assert (shipped / fresh.name).read_text() == fresh.read_text(), f"run make schema ({fresh.name} is stale)"


def test_check_needs_no_secret_key(tmp_path):
    """Teachers run the check without configuring the server."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "FLASK_DEBUG")}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "quiz", "check"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("errors: 0; warnings: 0")
