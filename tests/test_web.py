import pytest
from flask import abort


@pytest.fixture
def failing_app(app):
    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internal detail")

    @app.get("/forbidden")
    def forbidden():
        abort(403)

    return app



def test_no_inline_script_anywhere(client):
    html = client.get("/").get_data(as_text=True)
    assert "<script" not in html and " on" + "click=" not in html



def test_secure_cookie_when_configured(make_app):
    app = make_app(SESSION_COOKIE_SECURE=True)
    client = app.test_client()
    response = client.get("/lang/en", query_string={"next": "/"})
    assert "Secure" in response.headers["Set-Cookie"]


@pytest.mark.parametrize("lang, path, code, text", [
    ("en", "/nowhere", 404, "Page not found"),
    ("fr", "/nowhere", 404, "Page introuvable"),
    ("en", "/forbidden", 403, "You cannot open this page"),
    ("fr", "/forbidden", 403, "Vous ne pouvez pas ouvrir cette page"),
    ("en", "/boom", 500, "Something went wrong on our side"),
    ("fr", "/boom", 500, "Une erreur s’est produite de notre côté"),
])
def test_error_pages_are_translated_and_hide_internals(failing_app, lang, path, code, text):
    failing_app.config["PROPAGATE_EXCEPTIONS"] = False
    response = failing_app.test_client().get(path, headers={"Accept-Language": lang})
    html = response.get_data(as_text=True)
    assert response.status_code == code
    assert text in html and f'<html lang="{lang}">' in html
    assert "Traceback" not in html and "secret internal detail" not in html


@pytest.mark.parametrize("lang, text", [("en", "This request could not be understood"),
                                        ("fr", "Cette requête n’a pas pu être comprise")])
def test_400_page_is_translated(client, lang, text):
    response = client.get("/lang/en?next=https://x.example", headers={"Accept-Language": lang})
    assert response.status_code == 400 and text in response.get_data(as_text=True)


def test_healthz_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok", "banks": 1}


def test_healthz_503_when_the_database_is_not_migrated(make_app, tmp_path):
    app = make_app(SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    response = app.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["database"] == "unavailable"


def test_healthz_503_without_a_usable_bank(make_app, tmp_path):
    from flask_migrate import upgrade

    app = make_app(QUESTIONS_DIR=str(tmp_path / "none"))
    with app.app_context():
        upgrade()
    response = app.test_client().get("/healthz")
    assert response.status_code == 503 and response.get_json()["banks"] == 0
