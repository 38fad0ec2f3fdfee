"""The content generation: one token that every cached value's key includes.

Any change that could alter a page (the list is in `website.caching.invalidation`)
replaces the token, so every value cached under the old one is simply never read again,
in every worker at once; nothing has to be found and deleted.

The token lives in the database (`ContentGeneration`, one row), not in the cache: it is
replaced inside the editor's transaction, so readers see the new token exactly when the
change is committed, and a cache that drops a write (Redis restarting) can never leave a
page served from before a change — a view restriction above all. Reading it is one small
query per request, made at most once per request.
"""

import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import DatabaseError, IntegrityError, connection, transaction

# The token read for the request being served, so that it is read once per request (also
# by code that has no request at hand). Set by `generation_for_request`.
_request_memo = ContextVar("content_generation_memo", default=None)


@contextmanager
def generation_for_request():
    """Around one request: the generation is read at most once inside it."""
    reset = _request_memo.set({})
    try:
        yield
    finally:
        _request_memo.reset(reset)


def generation(request=None):
    """The current token, read once per request; None when the database cannot say."""
    memo = _request_memo.get()
    if memo is not None and "token" in memo:
        return memo["token"]
    try:
        token = read_generation()
    except DatabaseError:  # the page fails or recovers where it did before
        return None
    if memo is not None:
        memo["token"] = token
    return token


def read_generation():
    from website.models import ContentGeneration

    # Every request runs this: plain SQL, without the ORM's work of building the query.
    table = connection.ops.quote_name(ContentGeneration._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token FROM {table} WHERE id = 1")  # noqa: S608 (from _meta)
        row = cursor.fetchone()
    return row[0] if row else write_generation(ContentGeneration)


def new_generation():
    """Make everything cached so far unreachable, once the caller's transaction commits."""
    from website.models import ContentGeneration

    token = write_generation(ContentGeneration)
    memo = _request_memo.get()
    if memo is not None:
        memo["token"] = token


def write_generation(model):
    # Always a new random token, never a counter: a transaction that is rolled back puts
    # the old token back, and a counter would then hand out a token already used.
    token = uuid.uuid4().hex
    if not model.objects.filter(pk=1).update(token=token):
        try:
            with transaction.atomic():
                model.objects.create(pk=1, token=token)
        except IntegrityError:  # created at the same moment by another request
            model.objects.filter(pk=1).update(token=token)
    return token
