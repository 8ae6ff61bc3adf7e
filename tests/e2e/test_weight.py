"""(5) The question page is light, and no request leaves the app's host."""

from urllib.parse import urlsplit

from .conftest import answer_with_mouse, find_question, start


def test_question_page_weighs_at_most_30_kb_and_stays_on_the_host(page, server, tour):
    start(page, server, "Tour des types")
    page.reload()  # then a fresh load of a question page alone, its responses weighed once it is idle
    responses = []

    def record(response):
        responses.append(response)

    page.on("response", record)
    page.reload()
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", record)
    sizes = {r.url: len(r.body()) for r in responses if not 300 <= r.status < 400}
    total = sum(size for url, size in sizes.items() if url.endswith((".css", ".js")) or "/a/" in url)
    assert sizes, "no response was recorded"
    assert total <= 30 * 1024, f"question page: {total} bytes ({sizes})"
    for _ in range(8):
        answer_with_mouse(page, find_question(tour, page))
        page.locator("p.actions a.button").click()
    hosts = {urlsplit(url).netloc for url in page.requests}
    assert hosts == {urlsplit(server.url).netloc}, hosts
