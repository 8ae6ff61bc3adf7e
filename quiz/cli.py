"""``flask quiz check`` and ``flask quiz schema``: the teachers' commands.

The group is also declared as a Flask plugin (pyproject.toml, ``flask.commands``), so
``flask quiz ...`` runs without building the app: no database, no secret, and a check
that starts in a fraction of a second.
"""

from __future__ import annotations

import gc
import json
import os
from pathlib import Path

import click
from flask import current_app, has_app_context
from flask.cli import AppGroup
from pydantic import TypeAdapter

from .bank import types as qtypes
from .bank.load import SOURCE_FILE, bank_dirs, load_bank
from .bank.messages import translator
from .bank.schema import QuizDef, Source, Tags
from .config import PROJECT_ROOT

quiz_cli = AppGroup("quiz", help="Check and describe question banks.")


def _default_lang() -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def _questions_dir() -> str:
    if has_app_context():
        return current_app.config["QUESTIONS_DIR"]
    return os.environ.get("QUESTIONS_DIR") or str(PROJECT_ROOT / "questions")


def _banks_for(paths: tuple[str, ...]) -> list[tuple[Path, Path | None]]:
    """(bank folder, only this file or None) for each PATH: a questions root, a bank or a file."""
    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_file():
            bank = next((p for p in path.resolve().parents if (p / SOURCE_FILE).exists()), path.parent)
            found.append((bank, path.resolve()))
        elif (path / SOURCE_FILE).exists() or (path / "questions").is_dir():
            found.append((path, None))
        else:
            found.extend((d, None) for d in bank_dirs(path))
    return found


@quiz_cli.command("check", with_appcontext=False)
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--lang", type=click.Choice(["en", "fr"]), default=None, help="Language of the messages.")
def check(paths, lang):
    """Check question banks: every problem as PATH:LINE:COL, then a summary per bank.

    PATH is a questions folder, a bank folder or one file (default: QUESTIONS_DIR).
    Exits 1 when any error is found.
    """
    _ = translator(lang or _default_lang())
    targets = _banks_for(paths or (_questions_dir(),))
    if not targets:
        click.echo(_("no bank found"), err=True)
        raise SystemExit(1)
    errors = 0
    for directory, only in targets:
        result = load_bank(directory, check_only=True)
        # The command ends soon: spare the collector from scanning the loaded bank again
        # (at exit it would walk every object of a large bank, a quarter of a second).
        gc.freeze()
        for issue in result.issues:
            if only is None or Path(issue.path).resolve() == only:
                click.echo(issue.format(_))
                errors += issue.severity == "error"
        warnings = sum(1 for i in result.issues if i.severity == "warning")
        per_type = ", ".join(f"{name} {result.per_type.get(name, 0)}" for name in qtypes.TYPE_NAMES)
        click.echo(
            _("%(bank)s: questions: %(questions)s (%(per_type)s); passages: %(passages)s, cited: %(coverage)s%%; "
              "quizzes: %(quizzes)s; errors: %(errors)s; warnings: %(warnings)s")
            % {"bank": result.bank_id, "questions": result.question_count, "per_type": per_type,
               "passages": result.passage_count, "coverage": f"{result.coverage:.0f}",
               "quizzes": result.quiz_count, "errors": len(result.errors), "warnings": warnings}
        )
    raise SystemExit(1 if errors else 0)


SCHEMAS = {
    "source.json": Source,
    "questions.json": list[qtypes.Question],
    "quizzes.json": list[QuizDef],
    "tags.json": Tags,
}


@quiz_cli.command("schema", with_appcontext=False)
@click.option("--out", type=click.Path(file_okay=False), default=None, help="Folder (default: QUESTIONS_DIR/schema).")
def schema(out):
    """Write the JSON Schemas of the three kinds of files, for editors."""
    folder = Path(out or Path(_questions_dir()) / "schema")
    folder.mkdir(parents=True, exist_ok=True)
    for name, tp in SCHEMAS.items():
        document = TypeAdapter(tp).json_schema()
        (folder / name).write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        click.echo(str(folder / name))


def init_app(app) -> None:
    app.cli.add_command(quiz_cli)
