import re

import pytest


def lang_of(response) -> str:
    return re.search(r'<html lang="(\w+)"', response.get_data(as_text=True)).group(1)


@pytest.mark.parametrize("header, expected", [
    ("en", "en"), ("en-GB,en;q=0.9", "en"), ("fr-FR,fr;q=0.9", "fr"), ("de", "fr"), ("", "fr"),
    ("de,en;q=0.5", "en"),
])
def test_accept_language_then_french(client, header, expected):
    response = client.get("/", headers={"Accept-Language": header} if header else {})
    assert lang_of(response) == expected


def test_english_and_french_text(client):
    en = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    fr = client.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Test what you know about the news" in en and "Quick quiz" in en
    assert "Testez vos connaissances sur l’actualité" in fr and "Quiz éclair" in fr


def test_explicit_choice_beats_remembered_and_accept_language(client):
    client.get("/lang/en", query_string={"next": "/"})
    assert lang_of(client.get("/?lang=fr", headers={"Accept-Language": "en"})) == "fr"


def test_remembered_choice_beats_accept_language(client):
    client.get("/lang/en", query_string={"next": "/"})
    assert lang_of(client.get("/", headers={"Accept-Language": "fr"})) == "en"
    client.get("/lang/fr", query_string={"next": "/"})
    assert lang_of(client.get("/", headers={"Accept-Language": "en"})) == "fr"


def test_switch_returns_to_the_same_page(client):
    response = client.get("/lang/en", query_string={"next": "/sources/openai-crisis?back=/"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/sources/openai-crisis?back=/"


def test_every_page_links_to_the_other_language_of_itself(client):
    html = client.get("/attempts", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert 'href="/lang/en?next=/attempts"' in html
    html = client.get("/attempts", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert 'href="/lang/fr?next=/attempts"' in html


@pytest.mark.parametrize("target", [
    "https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "evil.example",
])
def test_switch_refuses_an_off_site_return(client, target):
    response = client.get("/lang/en", query_string={"next": target})
    assert response.status_code == 400
    assert "Location" not in response.headers


def test_unknown_language_is_404(client):
    assert client.get("/lang/de", query_string={"next": "/"}).status_code == 404


def test_dates_are_formatted_for_the_locale(client):
    fr = client.get("/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    en = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "20 novembre 2023" in fr
    assert "November 20, 2023" in en
