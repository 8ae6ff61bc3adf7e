"""What students do, in Chromium: take a quiz, switch language, follow a source, reload, retry."""

import re

from quiz.bank import types as qtypes

from .conftest import answer_with_mouse, find_question, progress, start


def as_answer(question, given):
    return {
        "single": lambda: {"choice": given}, "multiple": lambda: {"choices": given},
        "true_false": lambda: {"value": given == "true"}, "short_text": lambda: {"text": given},
        "numeric": lambda: {"value": float(given)}, "ordering": lambda: {"order": given},
        "matching": lambda: {"pairs": given}, "evidence": lambda: {"passage": given},
    }[question.type]()


def shown_points(text: str) -> float:
    match = re.search(r"([\d.,]+) / 1 point", text)
    return float(match.group(1).replace(",", "."))


def test_a_french_student_takes_every_type_switches_at_question_4_and_the_results_match(page, server, tour):
    start(page, server, "Tour des types")
    answered = []
    for n in range(1, 9):
        if n == 4:
            page.click("header .switch a[hreflang=en]")
            assert page.locator("html").get_attribute("lang") == "en"
        assert progress(page) == (n, 8)
        assert page.locator("html").get_attribute("lang") == ("fr" if n < 4 else "en")
        question = find_question(tour, page)
        correct = n % 2 == 1
        given = answer_with_mouse(page, question, correct)
        points = qtypes.of(question).score(question, as_answer(question, given))
        answered.append((question, given, points))
        verdict = page.locator(".verdict").inner_text()
        if points == 1:
            assert ("Bonne réponse" if n < 4 else "Right!") in verdict
        else:
            assert any(word in verdict for word in ("Pas tout à fait", "En partie", "Not quite", "Partly"))
        assert shown_points(verdict) == round(points, 2)
        page.locator("p.actions a.button").click()
    assert page.url.endswith("/results")
    total = sum(points for _q, _g, points in answered)
    score = page.locator("p.score").inner_text()
    assert f"{round(total, 2):g} out of 8 points" in score
    for n, (question, given, points) in enumerate(answered, start=1):
        item = page.locator(f"#q{n}")
        assert question.prompt.en in item.locator("h3").first.inner_text()
        assert shown_points(item.locator(".verdict").inner_text()) == round(points, 2)
        yours = [t.strip() for t in item.locator("li:has(.tag.yours) > :first-child").all_inner_texts()]
        if question.type in ("single", "multiple"):
            chosen = {c.en for c in question.choices if c.id in ([given] if isinstance(given, str) else given)}
            assert set(yours) == chosen
        elif question.type == "true_false":
            assert yours == ["True" if given == "true" else "False"]
        elif question.type in ("short_text", "numeric"):
            assert item.locator("dl.solution dd").first.inner_text().startswith(given)
        elif question.type == "evidence":
            assert yours == [tour.passages[given].en]
        elif question.type == "ordering":
            wrong = item.locator(".tag.wrong").all_inner_texts()
            expected = [item_id for item_id in given if given.index(item_id) != [i.id for i in question.items].index(item_id)]
            assert len(wrong) == len(expected)


def test_a_source_link_opens_the_article_at_the_highlighted_passage(page, server, tour):
    start(page, server, "Tour des types")
    question = find_question(tour, page)
    answer_with_mouse(page, question, correct=False)
    link = page.locator(".source figcaption a").last
    passage_id = link.get_attribute("href").split("#")[1]
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith("#" + passage_id)
    target = page.locator(f"#{passage_id}")
    highlight = target.evaluate("e => getComputedStyle(e).backgroundColor")
    plain = page.locator(".passage:not(:target)").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert highlight != plain
    box = target.bounding_box()
    viewport = page.viewport_size
    assert 0 <= box["y"] < viewport["height"] and box["y"] + min(box["height"], 100) <= viewport["height"]
    page.click("text=Retour à la question")
    assert progress(page) == (1, 8)


def test_reloading_mid_quiz_resumes_it(page, server, tour):
    start(page, server, "Tour des types")
    for _ in range(2):
        answer_with_mouse(page, find_question(tour, page))
        page.locator("p.actions a.button").click()
    assert progress(page) == (3, 8)
    prompt = page.locator("h1.prompt").inner_text()
    page.reload()
    assert progress(page) == (3, 8) and page.locator("h1.prompt").inner_text() == prompt
    page.goto(server.url + "/")
    page.locator(".resume a.button").click()
    assert progress(page) == (3, 8) and page.locator("h1.prompt").inner_text() == prompt


def test_the_whole_quiz_works_without_javascript(browser, server, tour):
    context = browser.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    try:
        start(page, server, "Tour des types")
        for n in range(1, 9):
            assert progress(page) == (n, 8)
            answer_with_mouse(page, find_question(tour, page))
            page.locator("p.actions a.button").click()
        assert page.url.endswith("/results")
        assert "8 points sur 8" in page.locator("p.score").inner_text()
    finally:
        context.close()


def test_retry_offers_exactly_the_missed_questions(page, server, tour):
    start(page, server, "Tour des types")
    missed = set()
    for n in range(1, 9):
        question = find_question(tour, page)
        correct = n not in (2, 6, 7)
        given = answer_with_mouse(page, question, correct)
        if qtypes.of(question).score(question, as_answer(question, given)) < 1:
            missed.add(question.id)
        page.locator("p.actions a.button").click()
    assert len(missed) == 3
    page.locator("form[action$='/retry'] button").click()
    seen = set()
    for n in range(1, len(missed) + 1):
        assert progress(page) == (n, len(missed))
        question = find_question(tour, page)
        seen.add(question.id)
        answer_with_mouse(page, question)
        page.locator("p.actions a.button").click()
    assert seen == missed
    assert "3 points sur 3" in page.locator("p.score").inner_text()
