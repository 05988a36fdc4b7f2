"""The Starlette application: the page, its static files, the JSON API, and the guards around them."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from drafting.web.api import ROUTES
from drafting.web.guard import TokenGuard, UploadCap
from drafting.web.messages import MAX_UPLOAD, MAX_UPLOAD_MB
from drafting.web.search import provinces

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
log = logging.getLogger("drafting.web")


async def page(request: Request) -> Response:
    return templates.TemplateResponse(request, "index.html", {"provinces": provinces(), "max_mb": MAX_UPLOAD_MB})


def _warm() -> None:
    """The unit lists and the NLP pipeline loaded once, before the first request (and not by 20 at once)."""
    from drafting.nlp.extract import extract  # noqa: F401 - the import loads spaCy's pipeline lazily
    from drafting.web.search import search_units

    search_units(None, "")


@asynccontextmanager
async def _lifespan(app: Starlette) -> AsyncIterator[None]:
    from starlette.concurrency import run_in_threadpool

    await run_in_threadpool(_warm)
    yield


def create_app(token: str | None = None, max_upload: int = MAX_UPLOAD) -> Starlette:
    """The application; with ``token`` every request must carry it (`drafting serve` sets one off localhost)."""
    middleware = [Middleware(UploadCap, limit=max_upload)]
    if token:
        middleware.insert(0, Middleware(TokenGuard, token=token))
    routes = [Route("/", page), *ROUTES, Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")]
    return Starlette(routes=routes, middleware=middleware, lifespan=_lifespan)
