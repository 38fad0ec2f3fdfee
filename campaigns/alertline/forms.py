"""The public forms: a report, and the status page's look-up, addition and withdrawal.

Every field is plain text, stored as typed. Django's CharField already refuses NUL
characters; the form adds the length limits, the contact rules and the honeypot.
"""

import re

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.validators import validate_email
from django.forms.utils import ErrorList
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from . import codes
from .choices import Category, Role
from .models import ADDITION_MAX_LENGTH, DESCRIPTION_MAX_LENGTH, WHERE_MAX_LENGTH


def _with_limit(message, limit):
    return gettext(message) % {"limit": f"{limit:,}".replace(",", " ")}


# A help text with a number in it, translated when shown (not when the module loads).
lazy_limit = lazy(_with_limit, str)

PHONE = re.compile(r"^\+?[0-9 ()\-]{6,20}$")


class ShortTextField(forms.CharField):
    """A text field whose length message is in the site's own words (Django's own
    Portuguese is Brazil's)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault(
            "max_length",
            _("Make it shorter: up to %(limit_value)d characters (it has %(show_value)d)."),
        )
        super().__init__(*args, **kwargs)


class PlainTextField(ShortTextField):
    """Text as typed, with line breaks counted as one character, as the browser counts them
    (it sends them as two)."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


class HoneypotMixin(forms.Form):
    # People never see this field (it is off-screen and skipped by the keyboard); bots that
    # fill every field do. Its label still tells a screen-reader user to leave it empty.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def first_field(self):
        """The first field people see: an error about the whole form (a wrong pair)
        links there from the error summary."""
        return next((field for field in self.visible_fields() if field.name != "website"), None)

    def error_summary(self):
        """(link target or "", text) for each error, in the order of the page.

        An error that no field can fix (too many tries, a hidden field filled) links
        nowhere. A field's error reads "label: error", without the label's own final
        punctuation ("Yes, withdraw my report.: …" reads badly).
        """
        items = []
        first = self.first_field
        for error in self.errors.get(NON_FIELD_ERRORS, ErrorList()).as_data():
            linked = first is not None and error.code not in UNFIXABLE_BY_A_FIELD
            items.append((field_anchor(first) if linked else "", " ".join(error)))
        for field in self:
            for message in field.errors:
                items.append((field_anchor(field), f"{str(field.label).rstrip('.:?')}: {message}"))
        return items

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            # Not tied to the field: the summary must not link to something people cannot
            # see, and the field comes back empty, so sending again works.
            self.add_error(
                None,
                forms.ValidationError(
                    _(
                        "Something filled in a hidden field, so this was not sent. "
                        "Please send it again."
                    ),
                    code="honeypot",
                ),
            )
        return cleaned


# Errors about the whole form that no field can fix: the summary links them nowhere.
UNFIXABLE_BY_A_FIELD = {"honeypot", "too_many"}


def field_anchor(field):
    """The id to link to: the first option of a group of radio buttons."""
    suffix = "_0" if getattr(field.field.widget, "input_type", "") == "radio" else ""
    return f"#{field.auto_id}{suffix}"


class ReportForm(HoneypotMixin):
    category = forms.ChoiceField(
        label=_("What happened?"),
        choices=Category.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what happened. If you are not sure, choose “Something else”."),
            "invalid_choice": _("Choose one of the options for what happened."),
        },
    )
    where = PlainTextField(
        label=_("Where did it happen? (optional)"),
        help_text=_(
            "The app, game or website. You can paste links as text, one per line. "
            "Do not open a link again to check it."
        ),
        required=False,
        max_length=WHERE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    when = ShortTextField(
        label=_("When did it happen? (optional)"),
        help_text=_("A date, or words such as “last weekend”."),
        required=False,
        max_length=200,
    )
    description = PlainTextField(
        label=_("What happened? Tell us in your own words"),
        help_text=lazy_limit(
            gettext_noop(
                "Up to %(limit)s characters. Usernames, what was said and what was asked "
                "help us most."
            ),
            DESCRIPTION_MAX_LENGTH,
        ),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8, "data-counter": "description-count"}),
        error_messages={"required": _("Tell us what happened, even in a few words.")},
    )
    reporter_role = forms.ChoiceField(
        label=_("Who is reporting?"),
        choices=Role.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose who is reporting."),
            "invalid_choice": _("Choose one of the options for who is reporting."),
        },
    )
    contact = ShortTextField(
        label=_("How can we contact you? (optional)"),
        help_text=_("An email address or a phone number. Leave it empty to stay anonymous."),
        required=False,
        max_length=200,
    )
    contact_consent = forms.BooleanField(
        label=_("I agree that the alert line may contact me about this report."),
        required=False,
    )
    # A one-time token written into each blank form (outside its cached fragment): the
    # same form sent twice, such as a reload of the confirmation, is received once.
    submission = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def clean_contact(self):
        contact = self.cleaned_data.get("contact", "").strip()
        if not contact:
            return ""
        if "@" in contact:
            try:
                validate_email(contact)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("This email address does not look right. Check it, or leave it empty.")
                ) from None
        elif not PHONE.match(contact):
            raise forms.ValidationError(
                _(
                    "Write an email address or a phone number (digits, spaces and +), "
                    "or leave it empty."
                )
            )
        return contact

    def clean(self):
        cleaned = super().clean()
        contact = cleaned.get("contact")
        consent = cleaned.get("contact_consent")
        if contact and not consent:
            self.add_error(
                "contact_consent",
                _(
                    "Tick this box if we may contact you, or empty the contact field to stay "
                    "anonymous."
                ),
            )
        if consent and not contact and "contact" not in self.errors:
            self.add_error("contact", _("Write how we can contact you, or untick the box."))
        return cleaned


class AccessForm(HoneypotMixin):
    reference = ShortTextField(
        label=_("Reference"),
        max_length=40,
        help_text=_("For example: ABCD-EF23"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
        error_messages={"required": _("Write the reference of your report.")},
    )
    code = ShortTextField(
        label=_("Secret follow-up code"),
        max_length=60,
        widget=forms.PasswordInput(
            render_value=True,
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                # The labels of the button that shows the code (added by alertline.js).
                "data-show-label": _("Show the code"),
                "data-hide-label": _("Hide the code"),
            },
        ),
        error_messages={"required": _("Write the secret follow-up code.")},
    )

    def clean_reference(self):
        return codes.normalise(self.cleaned_data["reference"])

    def clean_code(self):
        return codes.normalise(self.cleaned_data["code"])


class AdditionForm(AccessForm):
    text = PlainTextField(
        label=_("Add information"),
        help_text=lazy_limit(gettext_noop("Up to %(limit)s characters."), ADDITION_MAX_LENGTH),
        max_length=ADDITION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write what you want to add.")},
    )


class WithdrawForm(AccessForm):
    confirm = forms.BooleanField(
        label=_("Yes, withdraw my report."),
        error_messages={"required": _("Tick the box to confirm that you want to withdraw it.")},
    )
