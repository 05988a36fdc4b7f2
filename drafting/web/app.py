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
from drafting.web.reports import ROUTES as REPORT_ROUTES
from drafting.web.search import provinces

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
log = logging.getLogger("drafting.web")


async def page(request: Request) -> Response:
    return templates.TemplateResponse(request, "index.html", {"provinces": provinces(), "max_mb": MAX_UPLOAD_MB})


def _warm() -> None:
    """The unit lists, the data files and the NLP pipeline loaded once, on a small plan, before the first request
    (so that twenty first requests do not all load them at once)."""
    import tempfile

    from drafting.api import parse_file
    from drafting.errors import DraftingError
    from drafting.web.search import search_units

    search_units(None, "")
    with tempfile.TemporaryDirectory(prefix="drafting-web-") as folder:
        sample = Path(folder) / "mau.txt"
        sample.write_text(WARM_PLAN, encoding="utf-8")
        try:
            parse_file(sample)
        except DraftingError:
            log.debug("warm-up plan not read")


WARM_PLAN = """ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI
Số: 1/KH-UBND
KẾ HOẠCH
Triển khai thực hiện phong trào thi đua năm 2026
I. MỤC ĐÍCH, YÊU CẦU
1. Sở Tài chính chủ trì, phối hợp với các sở, ngành báo cáo trước ngày 15/12/2026.
"""


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
    routes = [Route("/", page), *ROUTES, *REPORT_ROUTES,
              Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")]
    return Starlette(routes=routes, middleware=middleware, lifespan=_lifespan)
