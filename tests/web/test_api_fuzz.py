"""A schema-driven fuzz run over the whole API (Schemathesis): the server answers every generated
request without a 5xx, and the OpenAPI description agrees with what the server accepts.

Bounded for CI: a fixed seed (derandomized Hypothesis), a few examples per operation.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from vocabsphere.config import Settings
from vocabsphere.services.accounts import create_user
from vocabsphere.web import create_app

schemathesis = pytest.importorskip("schemathesis")  # the dev extra installs it (with Hypothesis)
hypothesis = pytest.importorskip("hypothesis")

PASSWORD = "correct horse battery"
EXAMPLES_PER_OPERATION = 8


def _fuzz(operation: Any, headers: dict[str, str]) -> None:
    @hypothesis.given(case=operation.as_strategy())
    @hypothesis.settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,  # a fixed seed: the same requests on every run
        database=None,
        deadline=None,
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    def run(case: Any) -> None:
        case.call_and_validate(headers=headers)

    run()


def test_no_generated_request_makes_the_api_fail(settings: Settings) -> None:
    app = create_app(settings.model_copy(update={"register_max_per_address": 1000}))
    with TestClient(app) as client:  # runs the start-up (migrations) once
        create_user(
            app.state.vocabsphere.database,
            username="boss",
            password=PASSWORD,
            role="admin",
            now=datetime.now(UTC),
        )
        token = client.post("/api/v1/auth/token", json={"username": "boss", "password": PASSWORD})
        headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
        schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)
        failures: list[str] = []
        operations = [result.ok() for result in schema.get_all_operations()]
        assert len(operations) >= 54
        for operation in operations:
            try:
                _fuzz(operation, headers)
            except (Exception, BaseExceptionGroup) as error:  # every operation's failures, then report
                failures.append(f"{operation.label}: {str(error)[:1500]}")
    assert not failures, "\n\n".join(failures)
