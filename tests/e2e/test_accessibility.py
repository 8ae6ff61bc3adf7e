"""axe-core finds no WCAG 2.1 A or AA violation on any page, in French or in English."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import answer_with_mouse, find_question, start, visit_every_page

AXE = Axe()
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def assert_accessible(page, name):
    results = AXE.run(page, options=WCAG)
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == [], f"{name}: {violations}"
    checked = len(results.response["passes"])
    assert checked > 10, f"{name}: axe checked almost nothing ({checked} rules passed)"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_has_no_wcag_violation(browser, server, tour, lang):
    context = browser.new_context(locale=lang, extra_http_headers={"Accept-Language": lang})
    page = context.new_page()
    def check(page, name):
        assert page.locator("html").get_attribute("lang") == lang, name
        assert_accessible(page, name)

    try:
        visit_every_page(page, server, tour, check, "Tour des types" if lang == "fr" else "Tour of the types")
    finally:
        context.close()


def test_a_passage_in_the_other_language_carries_its_own_lang(browser, server):
    context = browser.new_context(locale="en", extra_http_headers={"Accept-Language": "en"})
    page = context.new_page()
    try:
        page.goto(server.url + "/sources/openai-crisis")
        assert page.locator("html").get_attribute("lang") == "en"
        originals = page.locator("p.original")
        assert originals.count() == 21
        assert set(originals.evaluate_all("els => els.map(e => e.lang)")) == {"fr"}
    finally:
        context.close()


def test_right_and_wrong_are_said_in_text_and_icon(page, server, tour):
    start(page, server, "Tour des types")
    answer_with_mouse(page, find_question(tour, page), correct=False)
    wrong = page.locator(".tag.wrong").first
    assert "✗" in wrong.inner_text() and "incorrect" in wrong.inner_text()
    right = page.locator(".tag.right").first
    assert "✓" in right.inner_text() and "bonne réponse" in right.inner_text()
