"""The admin login's throttle (django-axes): what a locked-out person sees, and what is logged.

Axes counts failed sign-ins in the database, per account and per client (a pseudonym of
its address, website.clients), and refuses even the right password until the cool-off
ends or a superuser unlocks it: Settings → Locked sign-ins (LockedSignInsView), or
manage.py axes_reset_username on the server.
"""

from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.forms.auth import LoginForm
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


def locked_out(request, original_response=None, credentials=None):
    """Wagtail's sign-in page with the reason, in the language the login page speaks."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {
        "form": LoginForm(request=request),
        "cool_off_minutes": minutes,
        "show_password_reset": False,
    }
    response = render(request, "website/admin_locked_out.html", context, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response


def anonymous_client(username, ip_address, user_agent, path_info, request):
    """Axes' log lines name no account and no address: the site logs no personal data."""
    return "an admin sign-in"


def locked_usernames():
    """Accounts that cannot sign in now: their failures within the cool-off reach the limit."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    failures = (
        AccessAttempt.objects.filter(attempt_time__gte=since, username__isnull=False)
        .values("username")
        .annotate(total=Sum("failures_since_start"))
        .filter(total__gte=settings.AXES_FAILURE_LIMIT)
    )
    names = {row["username"] for row in failures}
    # Only real accounts: a mistyped name (or a password typed as one) is not shown.
    return sorted(
        get_user_model().objects.filter(username__in=names).values_list("username", flat=True)
    )


class LockedSignInsView(WagtailAdminTemplateMixin, TemplateView):
    """Superusers see the locked accounts and unlock one, or every lock at once."""

    page_title = gettext_lazy("Locked sign-ins")
    header_icon = "lock"
    template_name = "website/admin_locked_sign_ins.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            usernames=locked_usernames(),
            attempts=AccessAttempt.objects.exists(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "")
        if request.POST.get("action") == "unlock-all":
            reset()
            messages.success(request, _("Every account and connection can sign in again."))
        elif username in locked_usernames():
            reset(username=username)
            messages.success(request, _("%(username)s can sign in again.") % {"username": username})
        return redirect("website_locked_sign_ins")
