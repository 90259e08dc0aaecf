"""The `vocabsphere` command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from vocabsphere.cli import main


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    values = {
        "VOCABSPHERE_ENV": "development",
        "VOCABSPHERE_DATA_DIR": str(tmp_path / "data"),
        "VOCABSPHERE_LOG_LEVEL": "WARNING",
    }
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    return values


def test_user_add_and_list(env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["user", "add", "root", "--role", "admin", "--password", "admin-pass-1"]) == 0
    assert "created admin root" in capsys.readouterr().out
    assert main(["user", "add", "root", "--password", "admin-pass-1"]) == 1
    assert "taken" in capsys.readouterr().err
    assert main(["user", "list"]) == 0
    assert "root\tadmin" in capsys.readouterr().out


def test_password_from_stdin(env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "vocabsphere.cli", "user", "add", "stdin-user", "--password-stdin"],
        input="from-stdin-pass\n",
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "created learner stdin-user" in result.stdout


def test_db_upgrade_and_demo(env: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "upgrade"]) == 0
    assert "database at revision" in capsys.readouterr().out
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "demo-learner" in out and "3 new demo article(s)" in out


def test_bad_configuration_is_reported_without_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VOCABSPHERE_ENV", "production")
    monkeypatch.setenv("VOCABSPHERE_SECRET_KEY", "changeme")
    assert main(["db", "upgrade"]) == 2
    err = capsys.readouterr().err
    assert "VOCABSPHERE_SECRET_KEY" in err and "Traceback" not in err
