"""Kept so that databases that ran it stay consistent: the PostgreSQL search configuration
is now created by `website` (migration 0003), since the search index is site-wide."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("alerts", "0001_initial")]

    operations = []
