from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .banners import forget_urgent_alerts_now_and_after_commit
from .models import AlertPage


@receiver(page_published, sender=AlertPage)
@receiver(page_unpublished, sender=AlertPage)
@receiver(post_delete, sender=AlertPage)
def alert_changed(sender, **kwargs):
    forget_urgent_alerts_now_and_after_commit()


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs):
    # A move can take an alert out of its language's tree.
    if isinstance(instance.specific_deferred, AlertPage):
        forget_urgent_alerts_now_and_after_commit()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, **kwargs):
    # A restriction anywhere can make an urgent alert private: its title must leave the
    # site-wide banner at once.
    forget_urgent_alerts_now_and_after_commit()
