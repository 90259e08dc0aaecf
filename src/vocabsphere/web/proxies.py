"""The client's address: taken from X-Forwarded-For only when the request comes from a trusted proxy."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from starlette.types import ASGIApp, Receive, Scope, Send

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def _is_trusted(host: str, networks: Sequence[Network]) -> bool:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return any(address in network for network in networks)


def forwarded_client(peer: str, forwarded_for: str, networks: Sequence[Network]) -> str:
    """The nearest address in the X-Forwarded-For chain that is not one of our proxies.

    Proxies append the address they received from, so the right-most entries are the trustworthy ones;
    anything left of the first untrusted entry may have been written by the client itself.
    """
    if not _is_trusted(peer, networks):
        return peer
    for entry in reversed([part.strip() for part in forwarded_for.split(",") if part.strip()]):
        if not _is_trusted(entry, networks):
            try:
                return str(ipaddress.ip_address(entry))
            except ValueError:
                return peer  # garbage in the header: keep the proxy's own address
    return peer


class TrustedProxiesMiddleware:
    """Rewrites the ASGI client address (and scheme) from forwarded headers sent by a trusted proxy."""

    def __init__(self, app: ASGIApp, networks: Sequence[Network]) -> None:
        self.app = app
        self.networks = tuple(networks)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client")
        if scope["type"] == "http" and self.networks and client:
            headers = dict(scope.get("headers", []))
            forwarded = headers.get(b"x-forwarded-for", b"").decode("latin-1")
            if forwarded and _is_trusted(client[0], self.networks):
                scope = dict(scope)
                scope["client"] = (forwarded_client(client[0], forwarded, self.networks), 0)
                proto = headers.get(b"x-forwarded-proto", b"").decode("latin-1").strip().lower()
                if proto in {"http", "https"}:
                    scope["scheme"] = proto
        await self.app(scope, receive, send)
