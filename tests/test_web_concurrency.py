"""Twenty clerks at once: 20 drafts for 20 different units sent together to a real server give 20 correct,
distinct files (each request in its own folder, the work in worker threads)."""

from __future__ import annotations

import hashlib
import io
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import unquote

import docx
import httpx

from drafting.units import communes

from corpus import CORPUS
from web_server import live_server

PLAN = CORPUS / "wild" / "f069c23c942c1ec6.md"


def test_twenty_drafts_at_once() -> None:
    units = communes("Đồng Nai")[:20]
    data = PLAN.read_bytes()
    with live_server() as url, httpx.Client(base_url=url, timeout=120) as client:

        def draft(full: str) -> httpx.Response:
            return client.post("api/draft", files={"file": (PLAN.name, data)},
                               data={"unit": full, "province": "Đồng Nai"})

        with ThreadPoolExecutor(max_workers=20) as pool:
            responses = list(pool.map(draft, [unit.full for unit in units]))
    assert [response.status_code for response in responses] == [200] * 20
    digests = set()
    for unit, response in zip(units, responses, strict=True):
        name = unquote(response.headers["content-disposition"].split("filename*=UTF-8''")[1])
        assert name == f"Kế hoạch {unit.full}.docx"
        text = "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(response.content)).paragraphs)
        assert unit.name.upper() in text.upper()
        others = [other for other in units if other != unit and other.name not in unit.name
                  and unit.name not in other.name]
        assert not any(f"{other.full} " in text for other in others)
        digests.add(hashlib.sha256(response.content).hexdigest())
    assert len(digests) == 20
