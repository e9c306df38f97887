"""A schemathesis run over the OpenAPI schema of a live server: bounded examples per
operation, every default check (no 5xx, responses match the schema, bad input rejected).

schemathesis' own pytest plugin does not run under pytest 9 yet, so each operation is
driven through hypothesis directly with the strategy schemathesis builds for it.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from livedb import TOKEN

OPERATIONS = [
    ("GET", "/api/events"), ("GET", "/api/events/{event_id}"), ("GET", "/api/dyad"),
    ("GET", "/api/volume"), ("GET", "/api/dyads"), ("GET", "/api/network"),
    ("GET", "/api/health"), ("GET", "/api/quotes"), ("GET", "/api/speakers"),
    ("GET", "/api/actors"), ("GET", "/api/articles/{article_id}"), ("POST", "/api/code"),
]


@pytest.fixture(scope="session")
def api_schema(token_server):
    return schemathesis.openapi.from_url(f"{token_server.url}/openapi.json")


def test_every_operation_is_fuzzed(api_schema):
    found = {(method.upper(), path) for path, methods in api_schema.raw_schema["paths"].items()
             for method in methods}
    assert found == set(OPERATIONS)


@pytest.mark.parametrize("method, path", OPERATIONS)
def test_operation_conforms_to_its_schema(api_schema, method, path):
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(max_examples=25, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case):
        case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60)

    check()
