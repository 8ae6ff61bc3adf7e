"""Browser tests: Playwright drives Debian's Chromium against a real gunicorn server."""

import os
import re
from pathlib import Path

import pytest

from quiz.bank.load import load_bank

from .server import CHROMIUM, CHROMIUM_ARGS, Server

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    if IN_CI:
        raise pytest.UsageError(f"{CHROMIUM} is missing: in CI the browser tests must run (.ci/run installs it)")
    skip = pytest.mark.skip(reason=f"BROWSER TESTS DID NOT RUN: {CHROMIUM} is missing (apt-get install chromium)")
    for item in items:
        if "e2e" in item.nodeid:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    running = Server(tmp_path_factory.mktemp("e2e")).start()
    yield running
    running.stop()


@pytest.fixture(scope="session")
def tour(server):
    """The tour bank as loaded by the server: one question of each type."""
    return load_bank(server.workdir / "questions" / "tour").bank


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser, server):
    context = browser.new_context(locale="fr-FR", extra_http_headers={"Accept-Language": "fr-FR,fr;q=0.9"})
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context, server):
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    return page


def find_question(bank, page):
    """The bank question shown on the page, found by its prompt in either language."""
    prompt = page.locator("h1.prompt").inner_text().strip()
    for question in bank.questions.values():
        if prompt in (question.prompt.fr.strip(), question.prompt.en.strip()):
            return question
    raise AssertionError(f"no question with the prompt {prompt!r}")


def answer_with_mouse(page, question, correct=True):
    """Answer as a student clicking; returns what was answered, for comparing with the results."""
    kind = question.type
    if kind in ("single", "evidence"):
        value = (next(c.id for c in question.choices if c.correct == correct) if kind == "single"
                 else question.supporting if correct else next(p for p in question.offered if p != question.supporting))
        page.check(f'input[name="answer"][value="{value}"]')
        given = value
    elif kind == "multiple":
        given = [c.id for c in question.choices if c.correct == correct]
        for value in given:
            page.check(f'input[name="answer"][value="{value}"]')
    elif kind == "true_false":
        given = "true" if question.answer == correct else "false"
        page.check(f'input[name="answer"][value="{given}"]')
    elif kind == "short_text":
        given = question.accept.fr[0] if correct else "personne"
        page.fill("#answer", given)
    elif kind == "numeric":
        given = f"{question.answer:g}" if correct else f"{question.answer + question.tolerance + 1000:g}"
        page.fill("#answer", given)
    elif kind == "ordering":
        ids = [item.id for item in question.items]
        order = ids if correct else ids[::-1]
        given = order
        for item_id in ids:
            page.select_option(f"#pos-{item_id}", str(order.index(item_id) + 1))
    elif kind == "matching":
        ids = [pair.id for pair in question.pairs]
        targets = ids if correct else ids[1:] + ids[:1]
        given = dict(zip(ids, targets, strict=True))
        for left, right in given.items():
            page.select_option(f"#match-{left}", right)
    else:
        raise AssertionError(kind)
    page.click("form.question button[type=submit]")
    return given


def start(page, server, title):
    page.goto(server.url + "/")
    page.locator("li.card", has_text=title).locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/a/[^/]+/1$"))  # the first question, loaded: what comes next acts on it


def visit_every_page(page, server, tour, check, title="Tour des types"):
    """Call check(page, name) on the home page, each question type and its feedback, the
    results, the article, "my attempts" and an error page."""
    page.goto(server.url + "/")
    check(page, "home")
    start(page, server, title)
    for n in range(1, 9):
        question = find_question(tour, page)
        check(page, f"question {question.type}")
        answer_with_mouse(page, question, correct=n % 2 == 0)
        check(page, f"feedback {question.type}")
        page.locator("p.actions a.button").click()
    check(page, "results")
    page.goto(server.url + "/sources/openai-crisis#p-murati-interim")
    check(page, "article")
    page.goto(server.url + "/attempts")
    check(page, "my attempts")
    page.goto(server.url + "/nowhere")
    check(page, "error page")


def progress(page) -> tuple[int, int]:
    match = re.search(r"(\d+)\D+(\d+)", page.locator("#progress-label").inner_text())
    return int(match.group(1)), int(match.group(2))
