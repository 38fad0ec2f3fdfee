"""The admin login's throttle (django-axes): what a locked-out person sees, and what is logged.

Axes counts failed sign-ins in the database, per account and per client (a pseudonym of
its address, website.clients), and refuses even the right password until the cool-off
ends or a superuser unlocks the account (manage.py axes_reset_username, README).
"""

from django.conf import settings
from django.shortcuts import render
from wagtail.admin.forms.auth import LoginForm


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
