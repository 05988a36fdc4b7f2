"""Responses shared by the routes: a file download with an RFC 6266/5987 file name, and errors as JSON."""

from __future__ import annotations

from urllib.parse import quote

from starlette.responses import JSONResponse, Response

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP = "application/zip"


def content_disposition(name: str, ascii_name: str) -> str:
    """``attachment; filename="ascii"; filename*=UTF-8''percent-encoded`` (RFC 6266 §4.3, RFC 5987)."""
    fallback = "".join(char if 32 <= ord(char) < 127 and char not in '"\\;' else "_" for char in ascii_name)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def download(data: bytes, media_type: str, name: str, ascii_name: str) -> Response:
    return Response(data, media_type=media_type,
                    headers={"Content-Disposition": content_disposition(name, ascii_name)})


def error(text: str, status: int = 400) -> JSONResponse:
    return JSONResponse({"error": text}, status_code=status)
