"""Home sections become an ordered inline of chosen pages, and search understands Portuguese.

The four section fields (one per domain) become rows of HomePageSection in the order the
home page showed them, so an existing site keeps its home page. The PostgreSQL search
configuration moves here from the alerts app: the search index is site-wide.
"""

import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models

# The order in which the old home page template showed its sections.
OLD_SECTION_FIELDS = ("alert_line_page", "alerts_page", "quiz_page", "booklet_page")

# `portuguese_unaccent` copies PostgreSQL's `portuguese` configuration and passes words
# through `unaccent` before the Portuguese stemmer, so "seguranca" finds "segurança" and
# "senhas" finds "senha". Settings use it only on PostgreSQL; on SQLite this is a no-op
# (FTS5 folds accents by itself, and does not stem). A database indexed before this needs
# `manage.py update_index`.
CREATE_SEARCH_CONFIGURATION = """
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
DROP_SEARCH_CONFIGURATION = "DROP TEXT SEARCH CONFIGURATION IF EXISTS portuguese_unaccent;"


def sections_from_fields(apps, schema_editor):
    HomePage = apps.get_model("website", "HomePage")
    HomePageSection = apps.get_model("website", "HomePageSection")
    for home in HomePage.objects.all():
        chosen = [getattr(home, f"{name}_id") for name in OLD_SECTION_FIELDS]
        for position, page_id in enumerate(page_id for page_id in chosen if page_id):
            HomePageSection.objects.create(page=home, section_page_id=page_id, sort_order=position)


def fields_from_sections(apps, schema_editor):
    """Going back: each old field takes the first chosen page of its type, if any."""
    HomePage = apps.get_model("website", "HomePage")
    models_by_field = {
        "alert_line_page": "alertlinepage",
        "alerts_page": "alertindexpage",
        "quiz_page": "quizpage",
        "booklet_page": "bookletpage",
    }
    for home in HomePage.objects.all():
        for section in home.sections.select_related("section_page__content_type"):
            model = section.section_page.content_type.model
            for field, model_name in models_by_field.items():
                if model == model_name and not getattr(home, f"{field}_id"):
                    setattr(home, f"{field}_id", section.section_page_id)
        home.save()


def create_search_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_SEARCH_CONFIGURATION)


def drop_search_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SEARCH_CONFIGURATION)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0002_locales_and_groups"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HomePageSection",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="sections",
                        to="website.homepage",
                    ),
                ),
                (
                    "section_page",
                    models.ForeignKey(
                        help_text="The main page of a campaign, such as a list or a form.",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                        verbose_name="page",
                    ),
                ),
            ],
            options={
                "verbose_name": "home page section",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.RunPython(sections_from_fields, fields_from_sections),
        migrations.RemoveField(model_name="homepage", name="alert_line_page"),
        migrations.RemoveField(model_name="homepage", name="alerts_page"),
        migrations.RemoveField(model_name="homepage", name="booklet_page"),
        migrations.RemoveField(model_name="homepage", name="quiz_page"),
        migrations.AlterField(
            model_name="guidancepage",
            name="intro",
            field=models.TextField(
                help_text="One short paragraph that says what the page is for.",
                max_length=1000,
                verbose_name="introduction",
            ),
        ),
        migrations.AlterField(
            model_name="homepage",
            name="intro",
            field=models.TextField(
                help_text="One short paragraph that says what the page is for.",
                max_length=1000,
                verbose_name="introduction",
            ),
        ),
        migrations.RunPython(
            create_search_configuration, drop_search_configuration, elidable=False
        ),
    ]
