"""Mail that never breaks a request.

Wagtail sends moderation notices inside the request, and only guards against some
connection errors; a DNS failure or an SMTP error would turn "Submit for moderation"
into a 500. This backend logs the failure, without any address, and carries on.
"""

import logging

from django.core.mail.backends.smtp import EmailBackend

logger = logging.getLogger(__name__)


class ResilientSMTPBackend(EmailBackend):
    def open(self):
        try:
            return super().open()
        except Exception as error:
            logger.error("Mail server unavailable (%s): message not sent", type(error).__name__)
            self.connection = None
            return False

    def send_messages(self, email_messages):
        try:
            return super().send_messages(email_messages)
        except Exception as error:
            logger.error(
                "Mail sending failed (%s): %d message(s) not sent",
                type(error).__name__,
                len(email_messages),
            )
            return 0
