"""Bearer tokens for API clients such as mobile apps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from vocabsphere.core.errors import InvalidInput, NotFound
from vocabsphere.services.accounts import UserView, user_view
from vocabsphere.services.tokens import new_token, token_digest
from vocabsphere.store.database import Database
from vocabsphere.store.tables import ApiToken
from vocabsphere.store.unit_of_work import unit_of_work

# Writing last_used_at on every request would turn each read into a write; once a minute is plenty.
_TOUCH_INTERVAL = timedelta(minutes=1)
MAX_TOKENS_PER_USER = 50


@dataclass(frozen=True)
class IssuedToken:
    id: int
    token: str
    name: str
    created_at: datetime


@dataclass(frozen=True)
class TokenView:
    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None


def issue_token(db: Database, *, user_id: int, name: str, now: datetime) -> IssuedToken:
    label = " ".join(name.split())[:64] or "API client"
    token = new_token()
    with unit_of_work(db) as uow:
        if len(uow.api_tokens.for_user(user_id)) >= MAX_TOKENS_PER_USER:
            raise InvalidInput("Too many API tokens; revoke an old one first.")
        row = ApiToken(token_hash=token_digest(token), name=label, user_id=user_id, created_at=now)
        uow.api_tokens.add(row)
        return IssuedToken(id=row.id, token=token, name=label, created_at=now)


def user_for_token(db: Database, *, token: str, now: datetime) -> UserView | None:
    with unit_of_work(db) as uow:
        row = uow.api_tokens.by_hash(token_digest(token))
        if row is None:
            return None
        user = uow.users.get(row.user_id)
        if user is None or not user.is_active:
            return None
        if row.last_used_at is None or now - row.last_used_at > _TOUCH_INTERVAL:
            row.last_used_at = now
        return user_view(user)


def list_tokens(db: Database, *, user_id: int) -> list[TokenView]:
    with unit_of_work(db) as uow:
        return [
            TokenView(id=t.id, name=t.name, created_at=t.created_at, last_used_at=t.last_used_at)
            for t in uow.api_tokens.for_user(user_id)
        ]


def revoke_token(db: Database, *, user_id: int, token_id: int) -> None:
    with unit_of_work(db) as uow:
        if not uow.api_tokens.delete(token_id, user_id):
            raise NotFound("No such token.")


def revoke_presented_token(db: Database, *, token: str) -> None:
    with unit_of_work(db) as uow:
        row = uow.api_tokens.by_hash(token_digest(token))
        if row is not None:
            uow.api_tokens.delete(row.id, row.user_id)
