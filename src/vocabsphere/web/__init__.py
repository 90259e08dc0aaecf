"""Web layer: the only package that imports FastAPI and Jinja2."""

from vocabsphere.web.app import create_app

__all__ = ["create_app"]
