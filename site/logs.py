"""Log records carry no personal data."""

import logging


class DropRequestDetails(logging.Filter):
    """Django attaches the request to its error records (`django.request`), and a JSON
    formatter would write every extra attribute out: the request's address, cookies and
    query string must never reach the logs. The path stays in the message."""

    def filter(self, record):
        record.__dict__.pop("request", None)
        return True
