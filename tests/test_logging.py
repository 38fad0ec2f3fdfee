"""Logs are JSON lines and carry no personal data: no address, no query string."""

import io
import json
import logging

import pytest
from django.test import Client


@pytest.fixture
def log_output():
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield stream
    handler.setStream(previous)


@pytest.mark.django_db
def test_a_server_error_is_logged_as_json_without_the_address_or_query(log_output, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("search engine exploded")

    monkeypatch.setattr("website.views.search_results_page", broken)
    response = Client(raise_request_exception=False).get(
        "/pt/pesquisa/", {"q": "segredo-do-joao"}, REMOTE_ADDR="203.0.113.77"
    )
    assert response.status_code == 500
    lines = [json.loads(line) for line in log_output.getvalue().splitlines() if line]
    errors = [line for line in lines if line["logger"] == "django.request"]
    assert errors and errors[0]["level"] == "ERROR"
    assert "/pt/pesquisa/" in errors[0]["message"]
    text = log_output.getvalue()
    assert "203.0.113.77" not in text and "segredo" not in text
