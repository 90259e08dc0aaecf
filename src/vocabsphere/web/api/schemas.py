"""API request and response models (kept apart from tables and from core dataclasses)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from vocabsphere.core.accounts import (
    MAX_DAILY_GOAL,
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    NATIVE_LANGUAGES,
    hidden_character_ranges,
)
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
    time_zone: str
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
            time_zone=user.time_zone,
            created_at=user.created_at,
        )


# The OpenAPI description states the account rules (core.accounts) so that clients, and the schema-driven
# test run, know what the server accepts.
USERNAME = Field(
    min_length=3,
    max_length=32,
    pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$",
    description="3 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit.",
)
NativeLanguage = Annotated[str, Field(json_schema_extra={"enum": sorted(NATIVE_LANGUAGES)})]
CefrLevel = Literal["A1", "A2", "B1", "B2", "C1", "C2"]


def _display_name_pattern() -> str:
    """Not only white space, no hidden characters (lone surrogates cannot be written in a pattern; the
    server refuses them too). The characters stand in the class as themselves, which every dialect reads."""
    hidden = "".join(
        f"{chr(low)}-{chr(high)}" for low, high in hidden_character_ranges() if not 0xD800 <= low <= 0xDFFF
    )
    return f"^[^{hidden}]*[^\\s{hidden}][^{hidden}]*$"


DISPLAY_NAME = Field(None, max_length=64, pattern=_display_name_pattern())
DAILY_GOAL = Field(None, ge=1, le=MAX_DAILY_GOAL)


class RegisterIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: str = USERNAME
    password: str = Field(min_length=MIN_PASSWORD_LENGTH, max_length=MAX_PASSWORD_LENGTH)
    native_language: NativeLanguage = "es"
    cefr_level: CefrLevel = "A2"
    display_name: str | None = DISPLAY_NAME


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
    display_name: str | None = DISPLAY_NAME
    native_language: NativeLanguage | None = None
    cefr_level: CefrLevel | None = None
    daily_goal: int | None = DAILY_GOAL
    time_zone: str | None = Field(
        default=None, max_length=64, description="IANA time zone name, e.g. Europe/Madrid or UTC."
    )


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
