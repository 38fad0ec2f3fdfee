"""Production settings pass Django's deployment checks, and refuse to start without a key."""

import secrets

import pytest

from tests.support.commands import manage


def test_check_deploy_is_clean():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="internetsegura.example",
        ALERTLINE_CONTACT_KEYS="MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("setting", "refusal"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY must be set"),
        ({"DJANGO_DEBUG": "1"}, "DJANGO_DEBUG is on"),
        ({"ALLOW_SQLITE": ""}, "DATABASE_URL points at SQLite"),
        ({"ALERTLINE_CONTACT_KEYS": ""}, "ALERTLINE_CONTACT_KEYS must be set"),
        ({"SITE_URL": ""}, "SITE_URL must be set"),
    ],
    ids=["no secret key", "debug pages", "sqlite", "no contact keys", "no public address"],
)
def test_production_refuses_to_start_when_a_setting_is_unsafe(setting, refusal):
    result = manage("check", **setting)
    assert result.returncode != 0
    assert refusal in result.stderr


def test_production_starts_on_sqlite_only_when_allowed():
    assert manage("check", ALLOW_SQLITE="1").returncode == 0


def test_the_admin_address_stands_in_for_the_public_address():
    assert manage("check", SITE_URL="", WAGTAILADMIN_BASE_URL="https://a.example").returncode == 0
