"""Settings: validation, unsafe secrets, and documentation of every setting."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from vocabsphere.config import Settings, load_settings

README = Path(__file__).resolve().parent.parent / "README.md"


def test_production_refuses_a_weak_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VOCABSPHERE_SECRET_KEY", raising=False)
    for weak in ("changeme", "short-key", "a" * 40):
        with pytest.raises(ValidationError, match="SECRET_KEY"):
            load_settings(env="production", secret_key=weak)


def test_serving_in_production_needs_a_secret(tmp_path: Path) -> None:
    from vocabsphere.web import create_app

    settings = load_settings(env="production", secret_key="", data_dir=tmp_path)
    with pytest.raises(ValueError, match="SECRET_KEY"):
        create_app(settings)


def test_production_accepts_a_strong_secret() -> None:
    settings = load_settings(env="production", secret_key="x" * 20 + "Yz0-9aBcDeFgHiJkLmNoP")
    assert settings.effective_secret_key.startswith("xxxx")


def test_development_generates_and_keeps_a_secret(tmp_path: Path) -> None:
    first = load_settings(env="development", data_dir=tmp_path).effective_secret_key
    second = load_settings(env="development", data_dir=tmp_path).effective_secret_key
    assert len(first) >= 32
    assert first == second, "sessions must survive a restart"
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_environment_variables_are_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("VOCABSPHERE_ENV", "development")
    monkeypatch.setenv("VOCABSPHERE_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("VOCABSPHERE_PORT", "9123")
    settings = load_settings()
    assert settings.port == 9123
    assert settings.sqlalchemy_url.endswith("vocabsphere.sqlite3")
    assert str(tmp_path.resolve()) in settings.sqlalchemy_url


def test_invalid_values_are_refused() -> None:
    with pytest.raises(ValidationError):
        load_settings(env="test", port=70000)
    with pytest.raises(ValidationError):
        load_settings(env="test", log_level="LOUD")


def test_every_setting_is_documented_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    missing = [
        f"VOCABSPHERE_{name.upper()}"
        for name in Settings.model_fields
        if f"VOCABSPHERE_{name.upper()}" not in readme
    ]
    assert not missing, f"settings missing from README.md: {missing}"
