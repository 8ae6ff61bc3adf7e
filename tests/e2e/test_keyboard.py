"""(d) The keyboard alone completes a quiz: Tab, Space, Enter and the arrow keys."""

from .conftest import find_question, progress, start


def focused_matches(page, selector) -> bool:
    return page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector)


def tab_to(page, selector, limit=80):
    """Press Tab until the focused element matches; the focus must be visible on the way."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused_matches(page, selector):
            outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
            assert outline != "none", f"no visible focus on {selector}"
            return
    raise AssertionError(f"Tab never reached {selector}")


def select_with_arrows(page, selector, value):
    tab_to(page, selector)
    for _ in range(12):
        if page.eval_on_selector(selector, "e => e.value") == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"the arrow keys never selected {value} in {selector}")


def radio_with_arrows(page, value):
    tab_to(page, 'input[name="answer"]')
    page.keyboard.press("Space")
    for _ in range(8):
        if page.eval_on_selector(f'input[name="answer"][value="{value}"]', "e => e.checked"):
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"the arrow keys never checked {value}")


def answer_with_keyboard(page, question):
    kind = question.type
    if kind == "single":
        radio_with_arrows(page, next(c.id for c in question.choices if c.correct))
    elif kind == "evidence":
        radio_with_arrows(page, question.supporting)
    elif kind == "true_false":
        radio_with_arrows(page, "true" if question.answer else "false")
    elif kind == "multiple":
        for choice in question.choices:
            if choice.correct:
                tab_to(page, f'input[name="answer"][value="{choice.id}"]')
                page.keyboard.press("Space")
    elif kind in ("short_text", "numeric"):
        tab_to(page, "#answer")
        page.keyboard.type(question.accept.en[0] if kind == "short_text" else f"{question.answer:g}")
    elif kind == "ordering":
        for position, item in enumerate(question.items, start=1):
            select_with_arrows(page, f"#pos-{item.id}", str(position))
    elif kind == "matching":
        for pair in question.pairs:
            select_with_arrows(page, f"#match-{pair.id}", pair.id)
    tab_to(page, "form.question button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_the_keyboard_alone_completes_a_quiz(page, server, tour):
    start(page, server, "Tour des types")
    for n in range(1, 9):
        assert progress(page) == (n, 8)
        answer_with_keyboard(page, find_question(tour, page))
        assert "Bonne réponse" in page.locator(".verdict").inner_text()
        tab_to(page, "p.actions a.button")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    assert page.url.endswith("/results")
    assert "8 points sur 8" in page.locator("p.score").inner_text()
