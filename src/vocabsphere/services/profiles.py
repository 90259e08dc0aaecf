"""Profile settings and the admin's view of users."""

from __future__ import annotations

from dataclasses import dataclass

from vocabsphere.core import accounts as rules
from vocabsphere.core.errors import Conflict, InvalidInput, NotFound
from vocabsphere.core.srs.scheduling import MAX_DESIRED_RETENTION, MIN_DESIRED_RETENTION
from vocabsphere.services.accounts import UserView, user_view
from vocabsphere.services.level_lock import check_level_change
from vocabsphere.services.passwords import hash_password, verify_password
from vocabsphere.services.tokens import token_digest
from vocabsphere.store.database import Database
from vocabsphere.store.tables import User
from vocabsphere.store.unit_of_work import unit_of_work


@dataclass(frozen=True)
class ProfileChange:
    display_name: str | None = None
    native_language: str | None = None
    cefr_level: str | None = None
    daily_goal: int | None = None
    time_zone: str | None = None


def get_user(db: Database, user_id: int) -> UserView:
    with unit_of_work(db) as uow:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound("No such user.")
        return user_view(user)


def update_profile(db: Database, *, user_id: int, change: ProfileChange) -> UserView:
    with unit_of_work(db) as uow:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound("No such user.")
        profile = rules.check_profile(
            change.display_name if change.display_name is not None else user.display_name,
            change.native_language if change.native_language is not None else user.native_language,
            change.cefr_level if change.cefr_level is not None else user.cefr_level,
            change.daily_goal if change.daily_goal is not None else user.daily_goal,
            change.time_zone if change.time_zone is not None else user.time_zone,
        )
        check_level_change(uow, user_id, user.cefr_level, profile.cefr_level)
        user.display_name = profile.display_name
        user.native_language = profile.native_language
        user.cefr_level = profile.cefr_level
        user.daily_goal = profile.daily_goal
        user.time_zone = profile.time_zone
        return user_view(user)


def change_password(
    db: Database, *, user_id: int, current: str, new: str, keep_session_token: str | None = None
) -> None:
    """Set a new password; every session and API token of the user ends, except the session to keep.

    The slow hashes run outside the transaction (so they never hold the database's write lock).
    """
    rules.check_password(new)
    with unit_of_work(db, read_only=True) as uow:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound("No such user.")
        old_hash = user.password_hash
    if not verify_password(old_hash, current):
        raise InvalidInput("The current password is wrong.", field="current_password")
    new_hash = hash_password(new)
    keep = token_digest(keep_session_token) if keep_session_token else None
    with unit_of_work(db) as uow:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound("No such user.")
        if user.password_hash != old_hash:
            raise Conflict("The password was changed meanwhile; reload the page and try again.")
        user.password_hash = new_hash
        uow.web_sessions.delete_for_user(user_id, keep_token_hash=keep)
        uow.api_tokens.delete_for_user(user_id)


def list_users(db: Database, *, limit: int = 200, offset: int = 0) -> list[UserView]:
    with unit_of_work(db) as uow:
        return [user_view(u) for u in uow.users.list(limit=limit, offset=offset)]


def set_role(db: Database, *, actor_id: int, user_id: int, role: str) -> UserView:
    new_role = rules.parse_role(role)
    if actor_id == user_id:
        # Keeps at least one admin: nobody can remove their own admin rights by a slip.
        raise InvalidInput("You cannot change your own role.", field="role")
    with unit_of_work(db) as uow:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound("No such user.")
        if not rules.role_at_least(new_role, rules.Role(user.role)):
            # Rights taken away take effect at once: the user logs in again under the new role.
            uow.web_sessions.delete_for_user(user_id)
            uow.api_tokens.delete_for_user(user_id)
        user.role = new_role.value
        return user_view(user)


@dataclass(frozen=True)
class StudySettings:
    desired_retention: float
    new_cards_per_day: int
    reviews_per_day: int
    personal_parameters: bool  # FSRS parameters fitted from the learner's own reviews


MAX_NEW_CARDS_PER_DAY = 500
MAX_REVIEWS_PER_DAY = 5000


def _study_settings(user: User) -> StudySettings:
    return StudySettings(
        user.desired_retention, user.new_cards_per_day, user.reviews_per_day, bool(user.fsrs_params_json)
    )


def get_study_settings(db: Database, user_id: int) -> StudySettings:
    with unit_of_work(db) as uow:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound("No such user.")
        return _study_settings(user)


def update_study_settings(
    db: Database,
    *,
    user_id: int,
    desired_retention: float | None = None,
    new_cards_per_day: int | None = None,
    reviews_per_day: int | None = None,
) -> StudySettings:
    """Change how reviews are scheduled; the new retention applies from each card's next review."""
    if desired_retention is not None and not (
        MIN_DESIRED_RETENTION < desired_retention < MAX_DESIRED_RETENTION
    ):
        raise InvalidInput(
            f"Desired retention must be above {MIN_DESIRED_RETENTION} and below {MAX_DESIRED_RETENTION}.",
            field="desired_retention",
        )
    if new_cards_per_day is not None and not 0 <= new_cards_per_day <= MAX_NEW_CARDS_PER_DAY:
        raise InvalidInput(f"New cards a day: 0 to {MAX_NEW_CARDS_PER_DAY}.", field="new_cards_per_day")
    if reviews_per_day is not None and not 0 <= reviews_per_day <= MAX_REVIEWS_PER_DAY:
        raise InvalidInput(f"Reviews a day: 0 to {MAX_REVIEWS_PER_DAY}.", field="reviews_per_day")
    with unit_of_work(db) as uow:
        user = uow.users.get(user_id)
        if user is None:
            raise NotFound("No such user.")
        if desired_retention is not None:
            user.desired_retention = round(desired_retention, 3)
        if new_cards_per_day is not None:
            user.new_cards_per_day = new_cards_per_day
        if reviews_per_day is not None:
            user.reviews_per_day = reviews_per_day
        return _study_settings(user)
