"""The yardstick: a hello-world Flask app, served with the same gunicorn settings as the quiz."""

from flask import Flask

app = Flask(__name__)


@app.route("/", methods=["GET", "POST"])
def hello():
    return "Hello, world!"
