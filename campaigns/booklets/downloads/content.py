"""What a booklet's download is made from: its published content, the safety numbers it
prints and its public address. The fingerprint names all of it, so a change makes a new
file and an unchanged booklet keeps the one it has."""

import hashlib

from django.conf import settings

from website.models import SafetySettings


def safety_settings_for(booklet, request=None):
    if request is not None:
        return SafetySettings.for_request(request)
    site = booklet.get_site()
    if site is None:
        return None
    # Read from the database, not the content cache: a build runs right after the settings
    # were saved, and must print the numbers just saved.
    return SafetySettings.base_queryset().get_or_create(site=site)[0]


def fingerprint(download_format, booklet, chapters, safety):
    """What a generated file depends on: its layout, its revisions, its chapters in order,
    and the phone numbers that "where to get help" prints. A change makes a new file."""
    parts = [
        download_format.version_tag,
        booklet.locale.language_code if booklet.locale_id else "",
        f"{booklet.pk}:{booklet.live_revision_id}",
        ",".join(f"{chapter.pk}:{chapter.live_revision_id}" for chapter in chapters),
        f"{safety.alert_line_phone}|{safety.emergency_number}" if safety else "",
        settings.SITE_URL,  # printed on the cover
    ]
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def public_address(booklet):
    """The booklet's address on the site's public host (SITE_URL), whatever host the
    request or Wagtail's site record has: a download is printed and passed on."""
    _site_id, _root_url, path = booklet.get_url_parts() or (None, None, booklet.url or "/")
    return settings.SITE_URL + path


def booklet_context(booklet, chapters, safety):
    """The context of the templates that print the whole booklet for a download."""
    return {
        "page": booklet,
        "booklet": booklet,
        "booklet_address": public_address(booklet),
        "chapters": chapters,
        "cover": booklet.cover(),
        "safety": safety,
        "settings": {"website": {"SafetySettings": safety}},
        "LANGUAGE_CODE": booklet.locale.language_code,
    }
