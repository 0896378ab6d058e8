"""The web app: FastAPI app factory, HTML pages (Jinja2 + HTMX) and the JSON API.

Use :func:`barraiser.web.app.create_app` to build the app and :func:`barraiser.web.app.serve`
to run it; nothing is created at import time.
"""
