"""Outgoing mail: throttled per address and per IP, sent by the task worker.

Requests never talk to the mail server. A view's service asks ``mail_allowed``
(which counts the mail in the shared cache whether or not it goes out, so the
answer never tells whether an address is known) and then enqueues a task; the
worker (``pm-origins worker``) renders and sends it.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django_tasks import task

from pm_origins.web.core import ratelimit

MAIL_WINDOW = 60 * 60

logger = logging.getLogger(__name__)


def mail_allowed(*, to: str, ip: str) -> bool:
    """Count one mail to ``to`` asked for from ``ip``; False once either is over its hourly limit.

    Both counters move on every call, so a flood from one address, or at one
    mailbox from many addresses, is cut off after the limit.
    """
    by_address = ratelimit.hit(
        "mail-to", to, limit=settings.MAILS_PER_ADDRESS_PER_HOUR, window=MAIL_WINDOW
    )
    by_ip = ratelimit.hit("mail-ip", ip, limit=settings.MAILS_PER_IP_PER_HOUR, window=MAIL_WINDOW)
    if by_address.allowed and by_ip.allowed:
        return True
    logger.info("mail throttled", extra={"by_address": by_address.count, "by_ip": by_ip.count})
    return False


@task()
def deliver(*, subject: str, body: str, to: str) -> None:
    """Send one plain-text message (for mails whose text holds no secret link)."""
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
