"""Helpers that every app's demo loader shares (website's own and the apps' demo modules)."""


def publish(page):
    page.save_revision().publish()
    return page


def ensure_translation(page, locale, fields):
    """The page's translation in `locale`: copied, filled with `fields` and published once.

    An existing translation is left as it is, so editors' changes are never overwritten.
    """
    if page.has_translation(locale):
        return page.get_translation(locale)
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return publish(translation)
