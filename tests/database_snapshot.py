"""A copy of the whole test database, taken once the demo site is loaded, and put back in a
fraction of a second: browser tests need committed data (the live server answers from its
own thread and connection), and rebuilding the demo for each of them took most of the
suite's time.

SQLite copies the database with its backup API; PostgreSQL keeps a copy of every table in
a schema of its own and copies the rows back inside the server, with the sequences.
"""

import sqlite3

from django.db import connection, transaction

SNAPSHOT_SCHEMA = "demo_snapshot"


def take():
    """Remember the database as it is now; returns what `restore` needs."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        return copy
    if connection.vendor == "postgresql":
        return _take_postgresql()
    raise NotImplementedError(f"no database snapshot for {connection.vendor}")


def restore(snapshot):
    """Put the database back as it was when `take` ran (commits)."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        snapshot.backup(connection.connection)
        return
    _restore_postgresql(snapshot)


def _public_tables(cursor):
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    return [row[0] for row in cursor.fetchall()]


def _take_postgresql():
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {SNAPSHOT_SCHEMA} CASCADE")
        cursor.execute(f"CREATE SCHEMA {SNAPSHOT_SCHEMA}")
        tables = _public_tables(cursor)
        for table in tables:
            cursor.execute(
                f'CREATE TABLE {SNAPSHOT_SCHEMA}."{table}" AS TABLE public."{table}"'  # noqa: S608
            )
        cursor.execute(
            "SELECT schemaname || '.' || quote_ident(sequencename), last_value"
            " FROM pg_sequences WHERE schemaname = 'public'"
        )
        sequences = cursor.fetchall()
    return {"tables": tables, "sequences": sequences}


def _restore_postgresql(snapshot):
    tables = snapshot["tables"]
    with transaction.atomic(), connection.cursor() as cursor:
        # Every table at once: no foreign key stands in the way, and only tables that a
        # test wrote to cost anything.
        cursor.execute("TRUNCATE " + ", ".join(f'public."{table}"' for table in tables))
        for table in tables:
            cursor.execute(
                f'INSERT INTO public."{table}" SELECT * FROM {SNAPSHOT_SCHEMA}."{table}"'  # noqa: S608
            )
        for sequence, last_value in snapshot["sequences"]:
            if last_value is None:
                cursor.execute("SELECT setval(%s, 1, false)", [sequence])
            else:
                cursor.execute("SELECT setval(%s, %s)", [sequence, last_value])
