"""Random form data to every POST route never gives a 500."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ..conftest import QuizActions, csrf

names = st.one_of(st.sampled_from(["answer", "pos-a", "match-x", "csrf_token", "n", "points"]),
                  st.text(min_size=1, max_size=12))
values = st.one_of(st.text(max_size=50), st.sampled_from(["", "0", "-1", "1e999", "nan", "true", "p-lede", "\x00"]))
forms = st.dictionaries(names, st.one_of(values, st.lists(values, max_size=3)), max_size=6)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(form=forms, with_token=st.booleans(), route=st.sampled_from(["start", "answer", "retry", "answer-far"]))
def test_random_forms_never_give_a_500(app, client, post_urls, finished, form, with_token, route):
    app.config["ANSWER_RATE_LIMIT"] = "100000 per minute"
    student = QuizActions(app, client)
    student.public_id = None
    if route == "answer":
        student.start("quick")
        url = f"/a/{student.public_id}/1"
    elif route == "answer-far":
        url = f"/a/{finished.public_id}/99"
    else:
        url = post_urls[f"student.{route}"]
    data = dict(form)
    if with_token:
        data["csrf_token"] = csrf(client.get("/").get_data(as_text=True))
    response = client.post(url, data=data)
    assert response.status_code in (302, 400, 404, 410), (response.status_code, data)
