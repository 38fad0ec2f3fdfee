"""The test settings with the open figures but without the two domains they read: the
alert line and the quiz. Used by tests/test_extension_points.py in a subprocess, to prove
that the figures page degrades to what is left instead of failing."""

from website.settings.test import *  # noqa: F403
from website.settings.test import INSTALLED_APPS

INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in ("campaigns.alertline", "quiz")]
