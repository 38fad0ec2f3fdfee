from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuizConfig(AppConfig):
    name = "quiz"
    verbose_name = _("Quiz")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Registers the tallies' own cache token (website.caching.invalidation).
        from . import tallies  # noqa: F401
