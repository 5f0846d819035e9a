"""Telling the people who follow a statement's thread of a new comment: handed to Celery once
the comment is stored (by participation.comments) or approved (by participation.moderation),
and delivered by participation.notifications."""

from celery import shared_task

from config.celery import Retrying, hand_over

from . import notifications


@shared_task(name="participation.tasks.notify_about_comment", base=Retrying)
def notify_about_comment(comment_id: int) -> int:
    return notifications.notify_about_comment(comment_id)


def tell_followers(comment_id: int) -> None:
    """Call after commit. Broker away: the periodic sweep (tasks.notify_pending) tells them."""
    hand_over(notify_about_comment, comment_id)
