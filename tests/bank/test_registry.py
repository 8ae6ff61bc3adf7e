"""A serving process reads its banks in a child process: same banks, no parser kept."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_banks_loaded_apart_are_the_banks_loaded_in_process_and_leave_no_parser_behind():
    script = textwrap.dedent("""
        import sys
        from quiz.bank.registry import Registry
        apart = Registry("questions", apart=True)
        assert "yaml_rs" not in sys.modules, "the parser entered the serving process"
        here = Registry("questions")
        assert list(apart.banks) == list(here.banks) == ["openai-crisis"]
        a, b = apart.banks["openai-crisis"], here.banks["openai-crisis"]
        assert a.questions == b.questions and a.quizzes == b.quizzes and a.source == b.source and a.tags == b.tags
        print(len(a.questions))
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) >= 60


def test_a_bank_with_errors_loaded_apart_keeps_its_errors(tmp_path):
    bank = tmp_path / "broken" / "questions"
    bank.mkdir(parents=True)
    (bank / "q.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    from quiz.bank.registry import Registry

    registry = Registry(tmp_path, apart=True)
    assert registry.banks == {}
    assert {issue.code for issue in registry.errors()} >= {"yaml_syntax", "missing_file"}
