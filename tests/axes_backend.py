"""The test settings' axes backend: Django's and Wagtail's test `client.login()` calls
authenticate() without a request, which axes refuses. Those calls skip the throttle here;
every sign-in through the admin's form is throttled exactly as in production."""

from axes.backends import AxesBackend


class RequestOptionalAxesBackend(AxesBackend):
    # AxesBackend (not the standalone one) also has ModelBackend's get_user: Wagtail's test
    # utilities force_login() with the first backend of AUTHENTICATION_BACKENDS.

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None  # the next backend (ModelBackend) checks the password
        return super().authenticate(request, username=username, password=password, **kwargs)
