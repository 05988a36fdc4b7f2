"""Web page speed: a draft request (`POST /api/draft`, multipart upload of a 25 KB plan → the DOCX) answered by a
real server over HTTP in ≤ 1 s (issue 16). Also the explain request and a unit search.

Run: python benchmarks/bench_web.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import httpx
from timing import median_ms

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from web_server import live_server  # noqa: E402

PLAN = ROOT / "corpus/seeds/002_0eb59aa12a805793.txt"
FIELDS = {"unit": "xa van thang", "province": "khanh hoa"}
TARGET_MS = 1000


def main() -> None:
    data = PLAN.read_bytes()
    with live_server() as url, httpx.Client(base_url=url, timeout=60) as client:

        def post(path: str) -> None:
            response = client.post(path, files={"file": (PLAN.name, data)}, data=FIELDS)
            response.raise_for_status()

        start = time.perf_counter()
        post("api/draft")
        first_ms = (time.perf_counter() - start) * 1000
        draft_ms = median_ms(lambda: post("api/draft"), 7)
        explain_ms = median_ms(lambda: post("api/draft/explain"), 5)
        search_ms = median_ms(lambda: client.get("api/units", params={"q": "tan thanh"}).raise_for_status(), 7)
    print(f"POST /api/draft, {PLAN.name} ({len(data) / 1000:.0f} KB) → DOCX: {draft_ms:.0f} ms median, "
          f"first request {first_ms:.0f} ms (target ≤ {TARGET_MS} ms)")
    print(f"POST /api/draft/explain: {explain_ms:.0f} ms median; GET /api/units?q=tan thanh: {search_ms:.1f} ms")
    if max(draft_ms, first_ms) > TARGET_MS:
        raise SystemExit(f"too slow: {max(draft_ms, first_ms):.0f} ms > {TARGET_MS} ms")


if __name__ == "__main__":
    main()
