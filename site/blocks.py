"""Content blocks shared by guidance pages and booklet chapters.

Each block is made for this field: short texts, steps a reader can follow, help that is
one tap away, and questions whose answers open without JavaScript.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]

# Images already fetched (with their renditions) for the page being built, by id. A page
# that shows many StreamFields at once (a whole booklet) fetches every image in one query.
_known_images = ContextVar("known_images", default=None)


@contextmanager
def known_images(images_by_id):
    token = _known_images.set(images_by_id)
    try:
        yield
    finally:
        _known_images.reset(token)


def images_with_renditions(image_ids):
    """The images for these ids, with their renditions prefetched, in at most two queries."""
    known = _known_images.get() or {}
    wanted = {image_id for image_id in image_ids if image_id}
    found = {image_id: known[image_id] for image_id in wanted if image_id in known}
    missing = wanted - found.keys()
    if missing:
        found.update(get_image_model().objects.prefetch_renditions().in_bulk(missing))
    return found


class IllustrationBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Illustration")
        template = "website/blocks/illustration.html"
        description = _("A picture with a description for screen readers.")

    def bulk_to_python(self, values):
        """All the illustrations of a StreamField, with their images and renditions, in
        the same number of queries whatever their number."""
        values = list(values)
        images = images_with_renditions(value.get("image") for value in values)
        result = []
        for value in values:
            struct_value = self.to_python({**value, "image": None})
            struct_value["image"] = images.get(value.get("image"))
            result.append(struct_value)
        return result


class DidYouKnowBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link"])

    class Meta:
        icon = "help"
        label = _("Did you know?")
        template = "website/blocks/did_you_know.html"
        description = _("A short fact, set apart from the text.")
        preview_value = {
            "text": "<p>You can report a profile without the other person knowing.</p>"
        }


class StepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    steps = blocks.ListBlock(
        blocks.CharBlock(label=_("Step"), max_length=300), label=_("Steps"), min_num=1
    )

    class Meta:
        icon = "list-ol"
        label = _("What to do")
        template = "website/blocks/steps.html"
        description = _("Numbered steps a reader can follow.")
        preview_value = {
            "heading": "What to do",
            "steps": ["Stop replying.", "Take a screenshot.", "Tell an adult you trust."],
        }


class HelpLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Link text"), max_length=120)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Web address"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")

    def clean(self, value):
        value = super().clean(value)
        has_page, has_url = bool(value.get("page")), bool(value.get("url"))
        if has_page == has_url:
            message = _("Choose a page or type a web address, not both.")
            if not has_page:
                message = _("Choose a page or type a web address.")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value


class HelpBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    show_alert_line = blocks.BooleanBlock(
        label=_("Show the alert line phone number"), required=False, default=True
    )
    links = blocks.ListBlock(HelpLinkBlock(), label=_("Links"), min_num=0)

    class Meta:
        icon = "warning"
        label = _("Where to get help")
        template = "website/blocks/help.html"
        description = _("The alert line and other places that help.")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Answer"), features=["bold", "italic", "link"])

    class Meta:
        icon = "help"
        label = _("Question and answer")
        template = "website/blocks/question.html"
        description = _("A question whose answer opens when the reader asks for it.")
        preview_value = {
            "question": "Can I delete a photo once it is sent?",
            "answer": "<p>Not everywhere. Copies can stay on other phones.</p>",
        }


class LegalCitationBlock(blocks.StructBlock):
    """A law's own words, quoted as written: the one place where a legal name that this
    site never uses (an article title of the Penal Code) may appear. The wording rules
    skip it (`wording_exempt`), and the page says why."""

    wording_exempt = True

    quote = blocks.TextBlock(label=_("Quote"), max_length=1000)
    source = blocks.CharBlock(
        label=_("Source"),
        max_length=200,
        help_text=_("The law and article, for example: Código Penal, artigo 176.º"),
    )

    class Meta:
        icon = "openquote"
        label = _("Legal citation")
        template = "website/blocks/legal_citation.html"
        description = _("The exact words of a law, which may differ from the terms this site uses.")
        preview_value = {
            "quote": "Artigo 171.º Abuso sexual de crianças",
            "source": "Código Penal",
        }


class SafetyStoryBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="website/blocks/text.html"
    )
    illustration = IllustrationBlock()
    did_you_know = DidYouKnowBlock()
    steps = StepsBlock()
    help = HelpBlock()
    question = QuestionBlock()
    legal_citation = LegalCitationBlock()

    class Meta:
        block_counts = {}
