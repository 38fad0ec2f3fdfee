"""Full-text search that understands Portuguese on PostgreSQL: stems, and folds accents.

`portuguese_unaccent` copies PostgreSQL's `portuguese` configuration and passes words
through `unaccent` before the Portuguese stemmer, so "seguranca" finds "segurança" and
"senhas" finds "senha". Settings use it only on PostgreSQL; on SQLite this is a no-op
(FTS5 folds accents by itself, and does not stem). Pages indexed before this needs
`manage.py update_index`.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portuguese_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION portuguese_unaccent ( COPY = portuguese );
        ALTER TEXT SEARCH CONFIGURATION portuguese_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, portuguese_stem;
    END IF;
END
$$;
"""
DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS portuguese_unaccent;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("alerts", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
