"""Lists that several apps share, so each exists once."""

from django.utils.translation import gettext_lazy as _

# Who a page or an entry point speaks to. The codes are what URLs and feeds carry.
AUDIENCES = [
    ("young_people", _("Young people")),
    ("parents", _("Parents and carers")),
    ("educators", _("Educators")),
]
