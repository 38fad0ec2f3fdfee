from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from .banners import forget_urgent_alerts_now_and_after_commit
from .models import AlertPage


@receiver(page_published, sender=AlertPage)
@receiver(page_unpublished, sender=AlertPage)
@receiver(post_delete, sender=AlertPage)
def alert_changed(sender, **kwargs):
    forget_urgent_alerts_now_and_after_commit()
