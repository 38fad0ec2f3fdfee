"""Production settings pass Django's deployment checks, and refuse to start without a key."""

import secrets

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


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_with_debug_pages():
    result = manage("check", DJANGO_DEBUG="1")
    assert result.returncode != 0
    assert "DJANGO_DEBUG is on" in result.stderr


def test_production_refuses_sqlite_unless_allowed():
    result = manage("check", ALLOW_SQLITE="")
    assert result.returncode != 0
    assert "DATABASE_URL points at SQLite" in result.stderr
    assert manage("check", ALLOW_SQLITE="1").returncode == 0


def test_production_refuses_to_start_without_contact_keys():
    result = manage("check", ALERTLINE_CONTACT_KEYS="")
    assert result.returncode != 0
    assert "ALERTLINE_CONTACT_KEYS must be set" in result.stderr


def test_production_refuses_to_start_without_its_public_address():
    result = manage("check", SITE_URL="")
    assert result.returncode != 0
    assert "SITE_URL must be set" in result.stderr
    assert manage("check", SITE_URL="", WAGTAILADMIN_BASE_URL="https://a.example").returncode == 0
