"""Users, sessions, API tokens and failed log-ins."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from vocabsphere.store.tables import ApiToken, LoginFailure, User, WebSession


class UserRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, user: User) -> User:
        self._session.add(user)
        self._session.flush()
        return user

    def get(self, user_id: int, *, for_update: bool = False) -> User | None:
        """``for_update`` locks the row until commit: one such transaction per user at a time."""
        return self._session.get(User, user_id, with_for_update=for_update or None)

    def by_username(self, username: str) -> User | None:
        return self._session.scalar(select(User).where(User.username == username))

    def list(self, *, limit: int = 200, offset: int = 0) -> list[User]:
        query = select(User).order_by(User.id).limit(limit).offset(offset)
        return list(self._session.scalars(query))

    def count(self) -> int:
        return self._session.scalar(select(func.count(User.id))) or 0


class WebSessionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, web_session: WebSession) -> None:
        self._session.add(web_session)
        self._session.flush()

    def by_token_hash(self, token_hash: str, now: datetime) -> WebSession | None:
        query = select(WebSession).where(WebSession.token_hash == token_hash, WebSession.expires_at > now)
        return self._session.scalar(query)

    def delete(self, token_hash: str) -> None:
        self._session.execute(delete(WebSession).where(WebSession.token_hash == token_hash))

    def delete_expired(self, now: datetime) -> int:
        result = self._session.execute(delete(WebSession).where(WebSession.expires_at <= now))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    def delete_for_user(self, user_id: int, *, keep_token_hash: str | None = None) -> None:
        query = delete(WebSession).where(WebSession.user_id == user_id)
        if keep_token_hash is not None:
            query = query.where(WebSession.token_hash != keep_token_hash)
        self._session.execute(query)


class ApiTokenRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, token: ApiToken) -> None:
        self._session.add(token)
        self._session.flush()

    def by_hash(self, token_hash: str) -> ApiToken | None:
        return self._session.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash))

    def for_user(self, user_id: int) -> list[ApiToken]:
        query = select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.id)
        return list(self._session.scalars(query))

    def delete(self, token_id: int, user_id: int) -> bool:
        result = self._session.execute(
            delete(ApiToken).where(ApiToken.id == token_id, ApiToken.user_id == user_id)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def delete_for_user(self, user_id: int) -> None:
        self._session.execute(delete(ApiToken).where(ApiToken.user_id == user_id))


class LoginFailureRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def record(self, key: str, when: datetime) -> None:
        self._session.add(LoginFailure(key=key, occurred_at=when))
        self._session.flush()

    def count_since(self, key: str, since: datetime) -> int:
        query = select(func.count(LoginFailure.id)).where(
            LoginFailure.key == key, LoginFailure.occurred_at > since
        )
        return self._session.scalar(query) or 0

    def oldest_since(self, key: str, since: datetime) -> datetime | None:
        query = select(func.min(LoginFailure.occurred_at)).where(
            LoginFailure.key == key, LoginFailure.occurred_at > since
        )
        value = self._session.scalar(query)
        if isinstance(value, str):  # SQLite aggregates return the raw stored text
            value = datetime.fromisoformat(value)
        return value

    def clear(self, key: str) -> None:
        self._session.execute(delete(LoginFailure).where(LoginFailure.key == key))

    def prune(self, before: datetime) -> None:
        self._session.execute(delete(LoginFailure).where(LoginFailure.occurred_at <= before))
