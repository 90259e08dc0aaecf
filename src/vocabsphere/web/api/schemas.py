"""API request and response models (kept apart from tables and from core dataclasses)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from vocabsphere.services.accounts import UserView


class ErrorBody(BaseModel):
    code: str
    message: str
    field: str | None = None


class ErrorResponse(BaseModel):
    error: ErrorBody


class UserOut(BaseModel):
    id: int
    username: str
    role: str
    display_name: str
    native_language: str
    cefr_level: str
    daily_goal: int
    created_at: datetime

    @classmethod
    def of(cls, user: UserView) -> UserOut:
        return cls(
            id=user.id,
            username=user.username,
            role=user.role.value,
            display_name=user.display_name,
            native_language=user.native_language,
            cefr_level=user.cefr_level,
            daily_goal=user.daily_goal,
            created_at=user.created_at,
        )


class RegisterIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: str = Field(max_length=64)
    password: str = Field(max_length=1024)
    native_language: str = Field("es", max_length=8)
    cefr_level: str = Field("A2", max_length=2)
    display_name: str | None = Field(None, max_length=200)


class TokenIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: str = Field(max_length=256)
    password: str = Field(max_length=1024)
    name: str = Field("API client", max_length=200, description="A label for this device or app.")


class TokenOut(BaseModel):
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    access_token: str
    token_id: int
    user: UserOut


class ProfileIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    display_name: str | None = Field(None, max_length=200)
    native_language: str | None = Field(None, max_length=8)
    cefr_level: str | None = Field(None, max_length=2)
    daily_goal: int | None = None


class TokenInfoOut(BaseModel):
    id: int
    name: str
    created_at: datetime
    last_used_at: datetime | None


class ArticleSummaryOut(BaseModel):
    id: int
    title: str
    outlet: str
    published_at: datetime | None
    word_count: int


class ArticleOut(ArticleSummaryOut):
    paragraphs: list[str]
    url: str | None


class JobRunOut(BaseModel):
    id: int
    kind: str
    status: str
    progress: int
    total: int
    message: str
    worker: str
    created_at: datetime
    finished_at: datetime | None


class RoleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: str = Field(max_length=16)


class HealthOut(BaseModel):
    status: str
    version: str
    database: str
    queue: str


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse},
    401: {"model": ErrorResponse},
    403: {"model": ErrorResponse},
    404: {"model": ErrorResponse},
    409: {"model": ErrorResponse},
    422: {"model": ErrorResponse},
    429: {"model": ErrorResponse},
}
