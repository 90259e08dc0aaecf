"""Fetching pages and feeds over HTTP with hard limits (httpx stays out of the core)."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpcore
import httpx

from vocabsphere import __version__
from vocabsphere.core.errors import InvalidInput

USER_AGENT = f"VocabSphere/{__version__} (+self-hosted English reading platform)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain", "text/markdown")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
    "application/feed+json",
)


@dataclass(frozen=True)
class FetchPolicy:
    timeout_seconds: float = 15.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    allow_private_addresses: bool = False


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    charset: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


def check_url(url: str, policy: FetchPolicy) -> str:
    """Only http(s) URLs to public hosts, unless private ones are explicitly allowed."""
    cleaned = url.strip()
    parts = urlsplit(cleaned)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise InvalidInput("Give a full web address starting with http:// or https://.", field="url")
    if len(cleaned) > 2000:
        raise InvalidInput("That web address is too long.", field="url")
    if not policy.allow_private_addresses and _is_private_host(parts.hostname):
        raise InvalidInput("Addresses on this server's own network cannot be fetched.", field="url")
    return cleaned


class PrivateAddress(Exception):
    """A connection was about to go to a private, loopback or reserved address."""


def is_blocked_address(text: str) -> bool:
    address = ipaddress.ip_address(text.split("%")[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
    )


def _is_private_host(host: str) -> bool:
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror:
        return False  # unknown hosts fail later with a clear "could not reach" message
    return any(is_blocked_address(str(info[4][0])) for info in infos)


class _PublicOnlyBackend(httpcore.NetworkBackend):
    """Resolves each host itself and connects only to a public address it checked.

    Every connection goes through here: the first request, each redirect hop, and a host whose DNS
    answer changed since the URL was checked (DNS re-binding) - the address checked is the one used.
    """

    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except socket.gaierror as error:
            raise httpcore.ConnectError(str(error)) from error
        addresses = [str(info[4][0]) for info in infos]
        if not addresses or any(is_blocked_address(address) for address in addresses):
            raise PrivateAddress(host)
        return self._inner.connect_tcp(addresses[0], port, timeout, local_address, socket_options)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise PrivateAddress(path)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def _transport(policy: FetchPolicy) -> httpx.HTTPTransport | None:
    """A transport that connects to public addresses only (None: httpx's default, proxies from the env)."""
    if policy.allow_private_addresses:
        return None
    transport = httpx.HTTPTransport(trust_env=False)
    # httpx offers no public way to pass a network backend; the pool is rebuilt with the same TLS setup.
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(trust_env=False),
        network_backend=_PublicOnlyBackend(),
    )
    return transport


def fetch(
    url: str,
    policy: FetchPolicy,
    *,
    accept: tuple[str, ...],
    etag: str | None = None,
    last_modified: str | None = None,
) -> Fetched:
    """GET a URL; refuse what is too big, of the wrong type, or unreachable, with a clear message."""
    target = check_url(url, policy)
    headers = {"User-Agent": USER_AGENT, "Accept": ", ".join(accept) + ", */*;q=0.1"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with (
            httpx.Client(
                transport=_transport(policy),
                follow_redirects=True,
                max_redirects=policy.max_redirects,
                timeout=policy.timeout_seconds,
                headers=headers,
            ) as client,
            client.stream("GET", target) as response,
        ):
            return _read_response(response, policy, accept)
    except PrivateAddress:
        raise InvalidInput(
            f"{target} leads to an address on this server's own network, which cannot be fetched."
        ) from None
    except httpx.TooManyRedirects:
        raise InvalidInput(f"{target} redirects too many times (more than {policy.max_redirects}).") from None
    except httpx.TimeoutException:
        raise InvalidInput(f"{target} did not answer within {policy.timeout_seconds:.0f} seconds.") from None
    except httpx.HTTPError as error:
        raise InvalidInput(_plain_failure(error, target)) from None


_UNKNOWN_HOST = ("name or service not known", "nodename nor servname", "no address associated", "getaddrinfo")


def _plain_failure(error: httpx.HTTPError, target: str) -> str:
    """What went wrong, in words a teacher understands (never an exception class name)."""
    host = urlsplit(target).hostname or target
    detail = str(error).lower()
    if isinstance(error, httpx.ConnectError):
        if any(marker in detail for marker in _UNKNOWN_HOST) or "errno -" in detail:
            return f"Could not find the site {host}: check the address for typing mistakes."
        if "refused" in detail:
            return f"Could not reach {host}: it refused the connection (the site may be down)."
        if "certificate" in detail or "ssl" in detail:
            return f"Could not reach {host} securely: its security certificate is not valid."
        return f"Could not reach {host}: the connection failed (the site may be down)."
    if isinstance(error, httpx.RemoteProtocolError | httpx.ReadError):
        return f"{host} closed the connection before sending the page; try again later."
    return f"Could not fetch {target}: the connection failed; try again later."


def _read_response(response: httpx.Response, policy: FetchPolicy, accept: tuple[str, ...]) -> Fetched:
    final_url = str(response.url)
    if response.status_code == 304:
        return Fetched(final_url, "", None, b"", not_modified=True)
    if response.status_code >= 400:
        raise InvalidInput(f"{final_url} answered with HTTP {response.status_code}.")
    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type and not content_type.startswith(accept):
        raise InvalidInput(f"{final_url} returned {content_type}, {_not_wanted(accept)}.")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise InvalidInput(f"{final_url} is larger than {policy.max_bytes // (1024 * 1024)} MB.")
    body = bytearray()
    for chunk in response.iter_bytes():
        body.extend(chunk)
        if len(body) > policy.max_bytes:
            raise InvalidInput(f"{final_url} is larger than {policy.max_bytes // (1024 * 1024)} MB.")
    return Fetched(
        url=final_url,
        content_type=content_type,
        charset=response.charset_encoding,
        body=bytes(body),
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
    )


def _not_wanted(accept: tuple[str, ...]) -> str:
    if set(accept) <= set(HTML_TYPES + TEXT_TYPES):
        return "not a web page or text: give the address of the article itself"
    return f"not one of: {', '.join(accept)}"
