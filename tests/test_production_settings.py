"""Production settings pass Django's deployment checks, and refuse to start without a key."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
        and not k.startswith(("AWS_", "SITE_URL", "WAGTAILADMIN_BASE_URL"))
    }
    environment |= {
        "DJANGO_SETTINGS_MODULE": "website.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOW_SQLITE": "1",
        "SITE_URL": "https://internetsegura.example",
        "ALERTLINE_CONTACT_KEYS": "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        **env,
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


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
