"""The quiz application: create_app builds it from settings and subsystems."""

import os

from flask import Flask

from . import config


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_relative_config=True,
        static_folder=str(config.PROJECT_ROOT / "static"),
    )
    app.config.update(config.DEFAULTS)
    app.config.update(config.from_environment(app.instance_path))
    if test_config is not None:
        app.config.update(test_config)
    config.check_secret(app.config, debug=app.debug, testing=app.testing)
    os.makedirs(app.instance_path, exist_ok=True)

    from . import banks, cli, extensions, i18n, web
    from .authoring import bp as authoring_bp
    from .health import bp as health_bp
    from .sources import bp as sources_bp
    from .student import bp as student_bp

    extensions.db.init_app(app)
    if app.testing or not config.serving():
        extensions.init_migrations(app, str(config.PROJECT_ROOT / "migrations"))
    extensions.babel.init_app(app, locale_selector=i18n.select_locale)
    extensions.csrf.init_app(app)
    extensions.limiter.init_app(app)
    i18n.init_app(app)
    web.init_app(app)
    banks.init_app(app)
    cli.init_app(app)

    app.register_blueprint(health_bp)
    app.register_blueprint(student_bp)
    app.register_blueprint(sources_bp)
    app.register_blueprint(authoring_bp)
    return app
