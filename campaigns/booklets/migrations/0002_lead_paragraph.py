from django.db import migrations, models


class Migration(migrations.Migration):
    """The booklet's introduction is the lead paragraph every page type calls `intro`."""

    dependencies = [("booklets", "0001_initial")]

    operations = [
        migrations.RenameField(model_name="bookletpage", old_name="introduction", new_name="intro"),
        migrations.AlterField(
            model_name="bookletpage",
            name="intro",
            field=models.TextField(
                help_text="One short paragraph that says what the page is for.",
                max_length=1000,
                verbose_name="introduction",
            ),
        ),
    ]
