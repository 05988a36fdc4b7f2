"""The web page and its JSON API (issue 16): `drafting serve`.

``app.create_app`` builds the Starlette application; ``guard`` keeps it safe on an office network (access token,
upload cap); ``uploads`` gives each request its own temporary folder; ``jobs`` calls the same library functions
the CLI calls; ``api`` and ``page`` are the routes. Nothing is fetched from the internet: the page's script and
style are in ``static/``.
"""

from __future__ import annotations

from drafting.web.app import create_app

__all__ = ["create_app"]
