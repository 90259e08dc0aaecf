"""Settings from the environment (``VOCABSPHERE_*``), built by a factory, never at import time."""

from __future__ import annotations

import ipaddress
import secrets
from functools import cached_property
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Secrets that must never protect a real deployment.
_UNSAFE_SECRETS = {"", "changeme", "change-me", "secret", "dev", "development", "vocabsphere"}
_MIN_SECRET_LENGTH = 32


UNSAFE_SECRET_MESSAGE = (
    "VOCABSPHERE_SECRET_KEY must be at least 32 random characters outside development "  # noqa: S105
    "(generate one with: python3 -c 'import secrets; print(secrets.token_urlsafe(48))')"
)


def _is_strong(key: str) -> bool:
    return key.lower() not in _UNSAFE_SECRETS and len(key) >= _MIN_SECRET_LENGTH and len(set(key)) >= 10


class Settings(BaseSettings):
    """Every setting of the app; each one is documented in README.md (a test checks that)."""

    model_config = SettingsConfigDict(env_prefix="VOCABSPHERE_", extra="ignore", frozen=True)

    env: Literal["development", "production", "test"] = Field(
        "production", description="development relaxes the secret-key check; production is the default."
    )
    secret_key: str = Field("", description="Signs sessions and CSRF tokens; 32+ random characters.")
    data_dir: Path = Field(
        Path("./var"), description="Folder for the SQLite file, the lexicon, the job queue and uploads."
    )
    database_url: str = Field(
        "", description="SQLAlchemy URL; empty means SQLite at DATA_DIR/vocabsphere.sqlite3."
    )
    queue_url: str = Field(
        "",
        description="Job queue: empty = SQLite-backed queue in DATA_DIR run inside the web process; "
        "redis://host:port/db = shared Redis queue served by `vocabsphere worker` processes; "
        "memory = in-memory (tests).",
    )
    queue_name: str = Field("vocabsphere", description="Queue name (lets several deployments share a Redis).")
    embedded_workers: int = Field(
        2, ge=0, le=16, description="Worker threads started inside the web process for a local queue."
    )
    host: str = Field("127.0.0.1", description="Address `vocabsphere serve` binds to.")
    port: int = Field(8000, ge=1, le=65535, description="Port `vocabsphere serve` listens on.")
    web_threads: int = Field(
        4,
        ge=1,
        le=200,
        description="Requests a web process works on at once (Python runs one at a time, so a few keep "
        "latency even under load); raise it when requests wait on slow remote services.",
    )
    demo: bool = Field(False, description="Create the demo learner, teacher and articles on start.")
    max_body_bytes: int = Field(
        10 * 1024 * 1024, ge=1024, description="Largest request body accepted (uploads included)."
    )
    login_max_failures: int = Field(
        5, ge=1, description="Failed log-ins per user name and address before a pause."
    )
    login_max_failures_per_address: int = Field(
        20, ge=1, description="Failed log-ins from one client address (any user names) before a pause."
    )
    login_window_seconds: int = Field(
        900, ge=10, description="Window for counting failed log-ins and registrations."
    )
    register_max_per_address: int = Field(
        10, ge=1, description="Accounts created from one client address per window before a pause."
    )
    trusted_proxies: str = Field(
        "",
        description="Comma-separated addresses or networks of reverse proxies whose X-Forwarded-For and "
        "X-Forwarded-Proto headers are believed; empty (the default) trusts none.",
    )
    session_days: int = Field(14, ge=1, le=365, description="How long a log-in session lasts.")
    secure_cookies: bool = Field(False, description="Mark cookies Secure (set true behind HTTPS).")
    log_level: str = Field("INFO", description="Python logging level.")
    allow_private_urls: bool = Field(
        False, description="Allow fetching URLs on private or loopback addresses (intranets, tests)."
    )
    fetch_timeout_seconds: float = Field(
        15.0, gt=0, le=120, description="Timeout for fetching a URL or feed."
    )
    fetch_max_bytes: int = Field(
        5 * 1024 * 1024, ge=1024, description="Largest page or feed that is fetched."
    )
    lexicon_path: Path | None = Field(
        None,
        description="The built lexicon file; default DATA_DIR/lexicon.sqlite3 (`vocabsphere lexicon build`).",
    )
    translate_backend: Literal["", "libretranslate", "openai"] = Field(
        "",
        description="Optional machine translation for words the dictionaries miss: '' (off), "
        "'libretranslate' or 'openai' (any OpenAI-compatible chat endpoint).",
    )
    translate_url: str = Field(
        "", description="Base URL of the translation backend, e.g. http://127.0.0.1:5000."
    )
    translate_api_key: str = Field("", description="API key for the translation backend, if it needs one.")
    translate_model: str = Field("", description="Model name for an OpenAI-compatible backend.")
    llm_url: str = Field(
        "", description="Optional LLM rewriter for level versions: base URL of an OpenAI-compatible API."
    )
    llm_api_key: str = Field("", description="API key of the LLM endpoint, if it needs one.")
    llm_model: str = Field("", description="Model name for the LLM rewriter; empty turns the rewriter off.")
    feed_poll_minutes: int = Field(30, ge=1, le=10080, description="How often each feed is polled.")

    @field_validator("log_level")
    @classmethod
    def _known_log_level(cls, value: str) -> str:
        upper = value.upper()
        if upper not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(f"unknown log level {value!r}")
        return upper

    @field_validator("trusted_proxies")
    @classmethod
    def _valid_networks(cls, value: str) -> str:
        for part in value.split(","):
            if part.strip():
                ipaddress.ip_network(part.strip(), strict=False)  # ValueError names the bad entry
        return value

    @cached_property
    def trusted_proxy_networks(self) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
        return tuple(
            ipaddress.ip_network(part.strip(), strict=False)
            for part in self.trusted_proxies.split(",")
            if part.strip()
        )

    @model_validator(mode="after")
    def _refuse_unsafe_secret(self) -> Settings:
        if self.env == "production" and self.secret_key and not _is_strong(self.secret_key):
            raise ValueError(UNSAFE_SECRET_MESSAGE)
        return self

    def require_serving_secret(self) -> None:
        """Serving web sessions in production needs an explicit strong key (CLI tools do not)."""
        if self.env == "production" and not _is_strong(self.secret_key):
            raise ValueError(UNSAFE_SECRET_MESSAGE)

    @cached_property
    def effective_secret_key(self) -> str:
        """The configured key; in development and tests, one generated once and kept in DATA_DIR."""
        if self.secret_key:
            return self.secret_key
        key_file = self.data_dir / "secret_key"
        if key_file.exists():
            return key_file.read_text(encoding="utf-8").strip()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        key_file.write_text(key, encoding="utf-8")
        key_file.chmod(0o600)
        return key

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'vocabsphere.sqlite3').resolve()}"

    @property
    def lexicon_file(self) -> Path:
        return self.lexicon_path or self.data_dir / "lexicon.sqlite3"

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / "uploads"

    def ensure_data_dir(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.uploads_dir.mkdir(parents=True, exist_ok=True)


def load_settings(**overrides: object) -> Settings:
    """Build settings from the environment, with explicit overrides winning (used by CLI flags and tests)."""
    return Settings(**overrides)  # type: ignore[arg-type]
