"""`make screenshots`: the pages a student sees, in French and English, desktop and phone,
written to docs/screenshots/ (shown in the README)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from quiz.bank.load import load_bank  # noqa: E402
from tests.e2e.conftest import answer_with_mouse, find_question  # noqa: E402
from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, Server  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
DEVICES = {"desktop": {"viewport": {"width": 1280, "height": 860}},
           "phone": {"viewport": {"width": 375, "height": 667}, "device_scale_factor": 2, "is_mobile": True}}


def shoot(browser, server, tour, lang, device):
    context = browser.new_context(locale=lang, extra_http_headers={"Accept-Language": lang}, **DEVICES[device])
    page = context.new_page()

    def save(name, full_page=False):
        path = OUT / f"{name}-{lang}-{device}.png"
        page.screenshot(path=str(path), full_page=full_page)
        print(path.relative_to(ROOT))

    page.goto(server.url + "/")
    save("1-home")
    title = "Tour des types" if lang == "fr" else "Tour of the types"
    page.locator("li.card", has_text=title).locator("button[type=submit]").click()
    for n in range(1, 9):
        question = find_question(tour, page)
        if question.type == "multiple":
            save("2-question")
            answer_with_mouse(page, question, correct=False)
            save("3-feedback", full_page=True)
        else:
            answer_with_mouse(page, question, correct=n % 3 != 0)
        if n == 2:
            link = page.locator(".source figcaption a").first
            href = link.get_attribute("href")
            page.goto(server.url + href)
            save("4-article")
            page.go_back()
        page.locator("p.actions a.button").click()
    save("5-results", full_page=device == "desktop")
    context.close()


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(Path(tmp)).start()
        try:
            tour = load_bank(Path(tmp) / "questions" / "tour").bank
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for lang in ("fr", "en"):
                    for device in DEVICES:
                        shoot(browser, server, tour, lang, device)
                browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
