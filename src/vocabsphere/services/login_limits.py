"""Pauses after too many failed log-ins (per user name and address, and per address) or registrations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from vocabsphere.core.errors import TooManyRequests
from vocabsphere.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class LoginPolicy:
    max_failures: int  # per user name from one address
    window: timedelta
    max_failures_per_address: int = 20  # any user names from one address
    max_registrations_per_address: int = 10


def name_key(name: str, client: str) -> str:
    return f"{name}|{client}"[:128]


def address_key(client: str) -> str:
    return f"address|{client}"[:128]


def registration_key(client: str) -> str:
    return f"register|{client}"[:128]


def refuse_if_paused(
    uow: UnitOfWork, key: str, limit: int, window: timedelta, now: datetime, what: str
) -> None:
    """Raise TooManyRequests when ``limit`` events were counted under ``key`` within the window."""
    since = now - window
    if uow.login_failures.count_since(key, since) < limit:
        return
    oldest = uow.login_failures.oldest_since(key, since) or now
    retry_after = max(1, int((oldest + window - now).total_seconds()))
    raise TooManyRequests(
        f"Too many {what}. Try again in {max(1, -(-retry_after // 60))} minute(s).", retry_after=retry_after
    )


def check_login_allowed(uow: UnitOfWork, name: str, client: str, policy: LoginPolicy, now: datetime) -> None:
    refuse_if_paused(uow, name_key(name, client), policy.max_failures, policy.window, now, "failed log-ins")
    refuse_if_paused(
        uow, address_key(client), policy.max_failures_per_address, policy.window, now, "failed log-ins"
    )


def record_login_failure(uow: UnitOfWork, name: str, client: str, now: datetime) -> None:
    uow.login_failures.record(name_key(name, client), now)
    uow.login_failures.record(address_key(client), now)


def check_registration_allowed(uow: UnitOfWork, client: str, policy: LoginPolicy, now: datetime) -> None:
    refuse_if_paused(
        uow,
        registration_key(client),
        policy.max_registrations_per_address,
        policy.window,
        now,
        "new accounts from this address",
    )
