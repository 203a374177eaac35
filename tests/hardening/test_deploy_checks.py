"""`check --deploy --fail-level WARNING` passes with the production settings, whichever services
are configured (issue 13: it failed once REDIS_URL was set)."""

import pytest

from tests.config.test_settings import production_env, run_python

CHECK = (
    "from django.core.management import execute_from_command_line; "
    "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])"
)


@pytest.mark.parametrize(
    "services",
    [
        {},
        {"REDIS_URL": "redis://cache.internal:6379/0"},
        {
            "REDIS_URL": "redis://cache.internal:6379/0",
            "ELASTICSEARCH_URL": "http://search.internal:9200",
            "TRUSTED_PROXY_COUNT": "1",
        },
    ],
    ids=["embedded", "redis", "redis-elasticsearch-proxy"],
)
def test_production_passes_the_deployment_checks(tmp_path, services):
    result = run_python(CHECK, "config.settings.production", **production_env(tmp_path, **services))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
