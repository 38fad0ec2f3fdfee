from django.utils.translation import gettext_lazy as _

RISK_CATEGORIES = [
    ("privacy", _("Privacy")),
    ("strangers", _("Contact with strangers")),
    ("images", _("Sharing images")),
    ("gaming_money", _("Gaming and money")),
    ("cyberbullying", _("Cyberbullying")),
]
