"""Drawing an attempt's questions: deterministic for a seed, true to the quiz definition."""

from pathlib import Path

from quiz.bank.generate import plan_for, question_count
from quiz.bank.load import load_bank

BANK = load_bank(Path(__file__).resolve().parents[2] / "questions" / "openai-crisis").bank


def test_same_seed_same_plan():
    quiz = BANK.quizzes["quick"]
    assert plan_for(BANK, quiz, 42) == plan_for(BANK, quiz, 42)


def test_different_seeds_differ():
    quiz = BANK.quizzes["quick"]
    plans = {tuple(entry["q"] for entry in plan_for(BANK, quiz, seed)) for seed in range(10)}
    assert len(plans) > 5


def test_count_and_no_repeats():
    plan = plan_for(BANK, BANK.quizzes["quick"], 7)
    ids = [entry["q"] for entry in plan]
    assert len(ids) == 10 == question_count(BANK, BANK.quizzes["quick"])
    assert len(set(ids)) == 10


def test_tags_are_respected():
    for seed in range(20):
        for entry in plan_for(BANK, BANK.quizzes["whos-who"], seed):
            assert "people" in BANK.questions[entry["q"]].tags


def test_types_and_difficulty_are_respected():
    quiz = BANK.quizzes["quick"].model_copy(update={
        "select": BANK.quizzes["quick"].select.model_copy(update={"types": ["numeric", "ordering"], "difficulty": [2], "count": 3})})
    for seed in range(20):
        for entry in plan_for(BANK, quiz, seed):
            question = BANK.questions[entry["q"]]
            assert question.type in ("numeric", "ordering") and question.difficulty == 2


def test_whole_bank_quiz_takes_every_question():
    plan = plan_for(BANK, BANK.quizzes["full"], 3)
    assert sorted(entry["q"] for entry in plan) == sorted(BANK.questions)


def test_choice_orders_are_permutations_of_the_choices():
    for entry in plan_for(BANK, BANK.quizzes["full"], 5):
        question = BANK.questions[entry["q"]]
        if question.type in ("single", "multiple"):
            assert sorted(entry["layout"]["order"]) == sorted(c.id for c in question.choices)


def test_only_restricts_to_the_given_questions():
    wanted = list(BANK.questions)[:3]
    plan = plan_for(BANK, BANK.quizzes["quick"], 1, only=wanted)
    assert sorted(entry["q"] for entry in plan) == sorted(wanted)
