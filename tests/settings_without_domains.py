"""The test settings with every campaign domain left out: only `website` and Wagtail.

Used by tests/test_extension_points.py in a subprocess, on a fresh database, to prove that
the base works on its own and knows no domain by name.
"""

from website.settings.test import *  # noqa: F403
from website.settings.test import INSTALLED_APPS

DOMAINS = ("campaigns.", "quiz")
INSTALLED_APPS = [app for app in INSTALLED_APPS if not app.startswith(DOMAINS)]
