from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.models import TaskState

from .checks import refused_in_object


def add_refusal_messages(request, problems, heading):
    messages.error(request, heading)
    for problem in problems:
        messages.error(request, problem.message)


def approval_refused(request, task_state_id):
    """Where a refused approval lands: the reasons, in the moderator's language, then the
    page's editor, where the moderator can fix the wording or reject the page."""
    task_state = get_object_or_404(TaskState, pk=task_state_id)
    page = task_state.revision.as_object()
    if not task_state.task.specific.get_actions(page, request.user):
        raise PermissionDenied
    heading = _("“%(title)s” was not approved: it uses wording that cannot be published.") % {
        "title": page.get_admin_display_title()
    }
    add_refusal_messages(request, refused_in_object(page), heading)
    return redirect("wagtailadmin_pages:edit", page.pk)
