"""`drafting serve`: the address, the token, and uvicorn."""

from __future__ import annotations

import re
import secrets

from drafting.web.guard import is_local

TOKEN = re.compile(r"[A-Za-z0-9_-]{8,128}")


def settings(host: str, token: str | None) -> str | None:
    """The token in force: the one given, a fresh one off localhost, none on localhost without one."""
    if token is not None and not TOKEN.fullmatch(token):
        raise ValueError("token")
    if token is None and not is_local(host):
        return secrets.token_urlsafe(18)
    return token


def address(host: str, port: int, token: str | None) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/" + (f"?token={token}" if token else "")


def machine_name() -> str:
    """This computer's name on the network, for the address the other computers open."""
    import socket

    return socket.gethostname() or "localhost"


def serve(host: str, port: int, token: str | None) -> None:
    import uvicorn

    from drafting.web.app import create_app

    uvicorn.run(create_app(token), host=host, port=port, log_level="warning")
