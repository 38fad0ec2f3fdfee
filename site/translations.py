"""Pages chosen once, shown in each language as that language's own translation."""

from wagtail.models import Page


def live_translations(locale_id, page_ids, specific=False):
    """Map each chosen page id to its live, public version in one locale, in 2 queries.

    Editors choose pages (home sections, related links, advice links) in one language; the
    choice is copied when the page is translated, and each language shows its own
    translation, or nothing when there is none. Several chosen ids may share a translation.
    """
    page_ids = [page_id for page_id in page_ids if page_id]
    if not page_ids:
        return {}
    ids_by_key = {}
    for page_id, key in Page.objects.filter(id__in=page_ids).values_list("id", "translation_key"):
        ids_by_key.setdefault(key, []).append(page_id)
    translations = (
        Page.objects.live().public().filter(locale_id=locale_id, translation_key__in=ids_by_key)
    )
    if specific:
        translations = translations.specific()
    found = {}
    for page in translations:
        for page_id in ids_by_key[page.translation_key]:
            found[page_id] = page
    return found
