"""(e) On a 375×667 phone no page scrolls sideways and every tap target is at least 44 px."""

import pytest

from .conftest import visit_every_page

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
    visit_every_page(phone, server, tour, check_page)
    phone.goto(server.url + "/attempts")
    phone.click("header .switch a[hreflang=en]")
    check_page(phone, "my attempts in English")
