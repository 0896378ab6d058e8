"""Routers of the web app: HTML pages and the JSON API."""
