"""The admin as the tests reach it: the test client signed in as one of the site's
accounts, in the admin language that person chose in their account settings."""

from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile


def choose_admin_language(user, language):
    """What a user does in their account settings: "pt-pt" or "en" ("" for the browser's)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def signed_in_as(client, username, language=None):
    """The client, signed in as `username`; in `language` when one is given, otherwise in
    whatever that user chose before."""
    user = get_user_model().objects.get(username=username)
    if language is not None:
        choose_admin_language(user, language)
    client.force_login(user)
    return client
