"""(e) On a 375×667 phone no page scrolls sideways and every tap target is at least 44 px."""

import pytest

from .conftest import answer_with_mouse, find_question
from .test_journeys import start

TARGETS = ("button, select, input[type=text], a.button, header a, .switch a, figcaption a, "
           ".options label, table.attempts a")


def check_page(page, name):
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{name}: scrolls sideways by {overflow}px"
    small = page.evaluate(
        """s => [...document.querySelectorAll(s)]
              .filter(e => e.offsetParent !== null)
              .map(e => [e.tagName + ' ' + (e.textContent || e.name || '').trim().slice(0, 40),
                         e.getBoundingClientRect().width, e.getBoundingClientRect().height])
              .filter(([, w, h]) => w < 44 || h < 44)""", TARGETS)
    assert small == [], f"{name}: tap targets under 44px: {small}"


@pytest.fixture
def phone(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 667}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, locale="fr-FR")
    yield context.new_page()
    context.close()


def test_every_page_fits_a_phone(phone, server, tour):
    page = phone
    page.goto(server.url + "/")
    check_page(page, "home")
    start(page, server, "Tour des types")
    for n in range(1, 9):
        question = find_question(tour, page)
        check_page(page, f"question {question.type}")
        answer_with_mouse(page, question, correct=n % 2 == 0)
        check_page(page, f"feedback {question.type}")
        page.locator("p.actions a.button").click()
    check_page(page, "results")
    page.goto(server.url + "/sources/openai-crisis#p-murati-interim")
    check_page(page, "article")
    page.goto(server.url + "/attempts")
    check_page(page, "my attempts")
    page.click("header .switch a[hreflang=en]")
    check_page(page, "my attempts in English")
    page.goto(server.url + "/nowhere")
    check_page(page, "error page")
