"""Booklets: a cover, an introduction and chapters, read on the web, printed, or
downloaded (see the `downloads` package).

Each language has its own booklet page (a translation) with its own chapters, its own
generated downloads and, if an editor uploads one, its own designed PDF.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index

from website.blocks import SafetyStoryBlock, known_images
from website.caching.fragments import cached_for_page
from website.caching.routing import site_for_request
from website.models import BasePage, LeadPage
from website.sections import HomeSection


class BookletPage(HomeSection, RoutablePageMixin, LeadPage):
    """A booklet's cover and contents. Its chapters are its children."""

    # The readability target in the Checks panel (website.readability): written for them.
    readability_audience = "young_people"

    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cover_alt_text = models.CharField(
        _("cover alternative text"),
        max_length=250,
        help_text=_("Describe what the cover shows for people who cannot see it."),
    )
    audience = models.CharField(
        _("audience"),
        max_length=150,
        help_text=_("Who the booklet is for, such as “Young people, parents and educators”."),
    )
    age_from = models.PositiveSmallIntegerField(
        _("youngest age"), validators=[MinValueValidator(5), MaxValueValidator(99)]
    )
    age_to = models.PositiveSmallIntegerField(
        _("oldest age"), validators=[MinValueValidator(5), MaxValueValidator(99)]
    )
    designed_pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("designed PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional. A designed PDF in this page's language. Without one, a PDF is made "
            "from the chapters each time the booklet or a chapter is published."
        ),
    )

    content_panels = [
        *LeadPage.content_panels,
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_alt_text")], heading=_("Cover")
        ),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldRowPanel([FieldPanel("age_from"), FieldPanel("age_to")]),
            ],
            heading=_("Readers"),
        ),
        FieldPanel("designed_pdf"),
    ]
    search_fields = [
        *LeadPage.search_fields,
        index.SearchField("audience"),
    ]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["booklets.BookletChapterPage"]
    # Each language uploads its own designed PDF: a translation does not inherit it.
    exclude_fields_in_copy = ["designed_pdf"]
    home_section_template = "booklets/home_section.html"

    class Meta:
        verbose_name = _("booklet")

    def clean(self):
        super().clean()
        if self.age_from and self.age_to and self.age_from > self.age_to:
            raise ValidationError(
                {"age_to": _("The oldest age must be the same as or more than the youngest.")}
            )

    # --- Content ----------------------------------------------------------------------

    def live_chapters(self):
        """Live, public chapters in their order (no bodies): the contents and the PDF's
        fingerprint need only their titles, addresses and live revisions."""
        return list(Page.objects.child_of(self).live().public().order_by("path"))

    def live_chapters_with_bodies(self):
        """Live chapters with their bodies loaded, every image and its renditions fetched
        in one go: the same number of queries for 2 chapters or 20."""
        chapters = list(BookletChapterPage.objects.child_of(self).live().public().order_by("path"))
        load_bodies(chapters)
        return chapters

    def cover(self):
        """The cover image with its renditions, in one query."""
        if not self.cover_image_id:
            return None
        return (
            get_image_model().objects.prefetch_renditions().filter(pk=self.cover_image_id).first()
        )

    # --- The downloads ----------------------------------------------------------------

    def download_url(self, format_name):
        return self.url + self.reverse_subpage(f"booklet_{format_name}")

    def pdf_url(self):
        return self.download_url("pdf")

    def print_url(self):
        return self.url + self.reverse_subpage("booklet_print")

    # Its print, PDF and EPUB addresses contain its chapters: publishing one purges them too.
    purge_with_children = True

    def get_cached_paths(self):
        # Paths relative to the page, for front-end cache invalidation.
        return [
            "/",
            "/" + self.reverse_subpage("booklet_pdf"),
            "/" + self.reverse_subpage("booklet_epub"),
            "/" + self.reverse_subpage("booklet_print"),
        ]

    # --- Views ------------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The contents, the cover and the PDF change only when something is published.
        context.update(
            cached_for_page(
                request, self, "booklet-contents", lambda: self.contents_context(request)
            )
        )
        return context

    def contents_context(self, request):
        from .downloads.serving import downloads_info  # the downloads import these models

        chapters = self.live_chapters()
        # A booklet still being written (a preview before its first save) has no files yet.
        has_downloads = self.pk is not None and self.live
        return {
            "chapters": chapters,
            "cover": self.cover(),
            "downloads": downloads_info(self, chapters, request) if has_downloads else None,
        }

    @path("")
    def contents(self, request):
        return self.render(request)

    @path("print/", name="booklet_print")
    def print_view(self, request):
        site = site_for_request(request)  # links to another Site are absolute
        alternate_urls = cached_for_page(
            request,
            self,
            "booklet-print-alternates",
            lambda: self.print_alternate_urls(request),
            site.pk if site is not None else "",
        )
        return self.render(
            request,
            template="booklets/booklet_print.html",
            context_overrides={
                # Read only when the printable booklet is not in the content cache yet.
                "chapters": SimpleLazyObject(self.live_chapters_with_bodies),
                "alternate_urls": alternate_urls,
            },
        )

    def print_alternate_urls(self, request):
        """The print view in each language this booklet is live in, itself included: the
        language switch and the hreflang alternates lead to the other print view."""
        route = self.reverse_subpage("booklet_print")
        translations = (
            self.get_translations(inclusive=True).live().public().select_related("locale")
        )
        return {
            other.locale.language_code: other.get_url(request) + route
            for other in translations
            if other.get_url(request)
        }

    @path("pdf/", name="booklet_pdf")
    def pdf_view(self, request):
        return self.serve_download(request, "pdf")

    @path("epub/", name="booklet_epub")
    def epub_view(self, request):
        return self.serve_download(request, "epub")

    def serve_download(self, request, format_name):
        if not self.live:
            raise Http404
        from .downloads.formats import FORMATS  # the downloads import these models
        from .downloads.serving import serve_download

        return serve_download(FORMATS[format_name], self, request)


class BookletChapterPage(BasePage):
    """One chapter: its own address, previous and next, and a way back to the contents."""

    readability_audience = "young_people"  # the Checks panel's target (website.readability)

    summary = models.CharField(
        _("summary"),
        max_length=250,
        blank=True,
        help_text=_("One sentence for the table of contents."),
    )
    body = StreamField(SafetyStoryBlock(), verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["booklets.BookletPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("booklet chapter")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(cached_for_page(request, self, "chapter-nav", self.chapter_nav))
        return context

    def chapter_nav(self):
        """The booklet, this chapter's place in it and its neighbours."""
        booklet = self.get_parent()
        siblings = list(Page.objects.child_of(booklet).live().public().order_by("path"))
        position = next(
            (index for index, sibling in enumerate(siblings) if sibling.pk == self.pk), None
        )
        previous_chapter = next_chapter = None
        if position is not None:
            previous_chapter = siblings[position - 1] if position > 0 else None
            next_chapter = siblings[position + 1] if position + 1 < len(siblings) else None
        return {
            "booklet": booklet,
            "chapter_number": position + 1 if position is not None else None,
            "chapter_count": len(siblings),
            "previous_chapter": previous_chapter,
            "next_chapter": next_chapter,
        }


def load_bodies(chapters):
    """Turn every chapter's body into blocks now, with all their images (and renditions)
    fetched in one query, instead of one query per chapter."""
    image_ids = set()
    for chapter in chapters:
        for block in chapter.body.raw_data:
            value = block.get("value")
            if (
                block.get("type") == "illustration"
                and isinstance(value, dict)
                and value.get("image")
            ):
                image_ids.add(value["image"])
    images = get_image_model().objects.prefetch_renditions().in_bulk(image_ids)
    with known_images(images):
        for chapter in chapters:
            list(chapter.body)  # StreamValue keeps the blocks it has built
    return chapters


# --- Generated downloads ----------------------------------------------------------------


class GeneratedFile(models.Model):
    """A file made from one booklet's published content: one per language and version.

    `fingerprint` names what it was made from (see `downloads.content.fingerprint`), so a
    stored file is served until the booklet or one of its chapters is published again.
    """

    fingerprint = models.CharField(max_length=64)
    file_size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.file.name


class GeneratedPDF(GeneratedFile):
    booklet = models.ForeignKey(
        BookletPage, on_delete=models.CASCADE, related_name="generated_pdfs"
    )
    file = models.FileField(upload_to="booklets/pdf/")
    page_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("generated booklet PDF")
        constraints = [
            models.UniqueConstraint(
                fields=["booklet", "fingerprint"], name="booklets_one_pdf_per_version"
            )
        ]


class GeneratedEPUB(GeneratedFile):
    booklet = models.ForeignKey(
        BookletPage, on_delete=models.CASCADE, related_name="generated_epubs"
    )
    file = models.FileField(upload_to="booklets/epub/")

    class Meta:
        verbose_name = _("generated booklet EPUB")
        constraints = [
            models.UniqueConstraint(
                fields=["booklet", "fingerprint"], name="booklets_one_epub_per_version"
            )
        ]
