"""Translations in sync: each translation knows which revision of its source it matches.

The source of a translation is the page in the default locale (Portuguese) with the same
translation key. A translation is out of date when what editors wrote on its source has
changed since the translation was made or last reviewed.
"""
