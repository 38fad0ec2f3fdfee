"""Anonymous tallies: one count per answer and per band, per quiz page and day.

Nothing about the visitor is written: no address, no agent, no time finer than the day.
Each completion is one upsert per table (INSERT … ON CONFLICT DO UPDATE count = count +
n), so simultaneous completions never lose a count: the database adds, not Python.
PostgreSQL and SQLite (3.24+) both understand the statement.
"""

import logging

from django.db import DatabaseError, connection
from django.db.transaction import on_commit
from django.utils import timezone

from website.caching.invalidation import SeparateToken

from .models import AnswerTally, BandTally

logger = logging.getLogger(__name__)

# Replaced whenever a count changes: the parents' findings are cached under it.
TALLIES = SeparateToken("quiz:tallies", "the quiz's answer tallies: the parents' findings")


def tallies_token():
    return TALLIES.current()


def tallies_changed():
    TALLIES.replace()


def _upsert(model, key_fields, rows):
    """Add each row's count to the existing one, or insert it; `rows` are dicts."""
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    columns = list(rows[0])
    quoted = ", ".join(connection.ops.quote_name(model._meta.get_field(c).column) for c in columns)
    keys = ", ".join(connection.ops.quote_name(model._meta.get_field(c).column) for c in key_fields)
    count = connection.ops.quote_name("count")
    placeholders = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(rows))
    sql = (
        f"INSERT INTO {table} ({quoted}) VALUES {placeholders} "  # noqa: S608 - names from _meta
        f"ON CONFLICT ({keys}) DO UPDATE SET {count} = {table}.{count} + EXCLUDED.{count}"
    )
    params = [row[column] for row in rows for column in columns]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def add_counts(page, answers, band, day=None, times=1, is_demo=False):
    """Count `times` completions of `page` that chose `answers` and reached `band`."""
    day = day or timezone.localdate()
    answer_rows = [
        {
            "page": page.pk,
            "question": answer.question_id,
            "answer": answer.pk,
            "day": day,
            "count": times,
            "is_demo": is_demo,
        }
        for answer in answers
    ]
    _upsert(AnswerTally, ["answer", "day", "is_demo"], answer_rows)
    if band is not None and band.pk:
        _upsert(
            BandTally,
            ["band", "day", "is_demo"],
            [{"page": page.pk, "band": band.pk, "day": day, "count": times, "is_demo": is_demo}],
        )
    tallies_changed()


def record_completion(page, result):
    """Count one completion once the request's transaction has committed.

    Counting after the commit keeps the request's own work apart from the tallies: a
    failure to count is logged and never touches the visitor's result. Each upsert is
    atomic on its own; they need no transaction around them (a failure between the two
    loses one band count, never a visitor's result).
    """
    answers = [answer for _question, answer in result.chosen]

    def write():
        try:
            add_counts(page, answers, result.band)
        except DatabaseError:
            logger.warning("Quiz tallies could not be written; the result was still shown.")

    on_commit(write)
