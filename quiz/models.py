"""A self-assessment quiz: questions with answers, result bands, anonymous tallies.

The whole quiz is one page: questions (each with its answers) and result bands are
modelcluster children, so editors build it on one admin screen, a revision holds all of
it, and the translation action copies all of it. Tallies point at a page's own answers,
so a translation starts with its own counts.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from modelcluster.queryset import FakeQuerySet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable

from website.middleware import FORM_PAGE_METHODS
from website.models import LeadPage
from website.sections import HomeSection

from .choices import RISK_CATEGORIES
from .forms import QuizPageForm

MAX_POINTS = 100


class QuizPage(HomeSection, RoutablePageMixin, LeadPage):
    """Questions and bands on one screen; the result is computed on the server."""

    home_section_template = "quiz/home_section.html"
    base_form_class = QuizPageForm
    readability_audience = "young_people"  # the Checks panel's target (website.readability)
    # The answers are sent with POST; other page types are read-only (website.middleware).
    allowed_http_methods = FORM_PAGE_METHODS

    content_panels = [
        *LeadPage.content_panels,
        InlinePanel("questions", heading=_("Questions"), label=_("Question")),
        InlinePanel("bands", heading=_("Result bands"), label=_("Result band")),
    ]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["quiz.QuizFindingsPage"]

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    # --- Structure ------------------------------------------------------------------

    def structure(self):
        """[(question, [answers])] in editor order: one query (none in preview).

        A saved quiz always has answers to each question (the form insists), so the
        questions come with their answers.
        """
        questions = self.questions.all()
        if isinstance(questions, FakeQuerySet):  # a preview's unsaved children
            return [(question, list(question.answers.all())) for question in questions]
        return structure_of(self.pk)

    def ordered_bands(self):
        return list(self.bands.all())

    # --- Preview --------------------------------------------------------------------

    @property
    def preview_modes(self):
        modes = [("", _("Quiz")), ("result", _("Result (first answers)"))]
        for position, band in enumerate(self.bands.all()):
            modes.append((f"band-{position}", _("Band: %(title)s") % {"title": band.title}))
        return modes

    def serve_preview(self, request, mode_name):
        from .views import preview_result

        if mode_name == "result" or mode_name.startswith("band-"):
            return preview_result(self, request, mode_name)
        return super().serve_preview(request, mode_name)

    # --- Routes ---------------------------------------------------------------------

    @path("")
    def take(self, request):
        from .views import take_quiz

        return take_quiz(self, request)

    # Each language's own word for the result's address (`RESULT_ROUTES` in quiz.views);
    # either answers in both, so links shared before the Portuguese one existed still work.
    @path("result/")
    @path("resultado/", name="resultado")
    def result(self, request):
        # The token travels in the query: Wagtail's page URLs allow only letters, digits,
        # "-" and "_" in the path, and a signed value has ":" in it.
        from .views import signed_result

        return signed_result(self, request, request.GET.get("r", ""))


def structure_of(page_id):
    """[(question, [answers])] of a saved quiz page, in one query."""
    answers = (
        Answer.objects.filter(question__page_id=page_id)
        .select_related("question")
        .order_by("question__sort_order", "question_id", "sort_order", "pk")
    )
    structure = []
    for answer in answers:
        if not structure or structure[-1][0].pk != answer.question_id:
            structure.append((answer.question, []))
        structure[-1][1].append(answer)
    return structure


class Question(Orderable, ClusterableModel):
    page = ParentalKey(QuizPage, related_name="questions", on_delete=models.CASCADE)
    text = models.CharField(_("question"), max_length=300)
    category = models.CharField(_("risk category"), max_length=20, choices=RISK_CATEGORIES)
    public = models.BooleanField(
        _("show to parents"),
        default=False,
        help_text=_(
            "Parents can guess, then see how young people answered, once enough of them have."
        ),
    )
    parents_prompt = models.CharField(
        _("question for parents"),
        max_length=300,
        blank=True,
        help_text=_(
            "Ask about the answers that carry risk points, for example: Of the young "
            "people who took this quiz, how many say they have added someone they never met? "
            "Ask only what the answers tell: the quiz does not ask anyone's age."
        ),
    )

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("category"), FieldPanel("public")]),
        FieldPanel("parents_prompt"),
        InlinePanel("answers", heading=_("Answers"), label=_("Answer")),
    ]

    class Meta(Orderable.Meta):
        ordering = ["sort_order", "pk"]  # children saved without an order stay stable
        verbose_name = _("question")

    def __str__(self):
        return self.text


class Answer(Orderable):
    question = ParentalKey(Question, related_name="answers", on_delete=models.CASCADE)
    text = models.CharField(_("answer"), max_length=200)
    points = models.PositiveSmallIntegerField(
        _("risk points"),
        default=0,
        validators=[MaxValueValidator(MAX_POINTS)],
        help_text=_("0 for the safest answer; more points for more risk."),
    )
    tip = models.CharField(
        _("tip"),
        max_length=300,
        blank=True,
        help_text=_("Shown with the result when this answer was chosen. Say what to do."),
    )

    panels = [FieldRowPanel([FieldPanel("text"), FieldPanel("points")]), FieldPanel("tip")]

    class Meta(Orderable.Meta):
        ordering = ["sort_order", "pk"]  # children saved without an order stay stable
        verbose_name = _("answer")

    def __str__(self):
        return self.text


class ResultBand(Orderable, ClusterableModel):
    page = ParentalKey(QuizPage, related_name="bands", on_delete=models.CASCADE)
    min_score = models.PositiveIntegerField(_("lowest score"))
    max_score = models.PositiveIntegerField(_("highest score"))
    title = models.CharField(_("title"), max_length=120)
    message = models.TextField(
        _("message"),
        max_length=1000,
        help_text=_("Talk like a friend who knows the internet. Say what to do; never blame."),
    )

    panels = [
        FieldRowPanel([FieldPanel("min_score"), FieldPanel("max_score")]),
        FieldPanel("title"),
        FieldPanel("message"),
        InlinePanel("links", heading=_("Advice links"), label=_("Advice link")),
    ]

    class Meta(Orderable.Meta):
        ordering = ["sort_order", "pk"]  # children saved without an order stay stable
        verbose_name = _("result band")

    def __str__(self):
        return self.title


class BandLink(Orderable):
    """A booklet chapter or an alert that helps; each language shows its translation."""

    band = ParentalKey(ResultBand, related_name="links", on_delete=models.CASCADE)
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("link_page")]


class QuizFindingsPage(LeadPage):
    """For parents: guess first, then see how young people answered the public questions.

    It lives under its quiz, so each language shows the answers given in that language.
    """

    parent_page_types = ["quiz.QuizPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("what young people told us")
        verbose_name_plural = _("what young people told us")

    def get_context(self, request, *args, **kwargs):
        from .findings import findings_context

        context = super().get_context(request, *args, **kwargs)
        context.update(findings_context(self, request))
        return context


class AnswerTally(models.Model):
    """How many completions chose an answer, per quiz page (one language) and day."""

    page = models.ForeignKey(QuizPage, on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    answer = models.ForeignKey(Answer, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)
    is_demo = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "day", "is_demo"], name="quiz_answer_tally_unique"
            )
        ]
        indexes = [models.Index(fields=["page", "day"])]

    def __str__(self):
        return f"{self.day}: {self.count}"


class BandTally(models.Model):
    """How many completions reached a band, per quiz page (one language) and day."""

    page = models.ForeignKey(QuizPage, on_delete=models.CASCADE, related_name="+")
    band = models.ForeignKey(ResultBand, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)
    is_demo = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["band", "day", "is_demo"], name="quiz_band_tally_unique"
            )
        ]
        indexes = [models.Index(fields=["page", "day"])]

    def __str__(self):
        return f"{self.day}: {self.count}"
