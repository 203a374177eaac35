from django.db import models
from django.utils.translation import gettext_lazy as _


class Subscriber(models.Model):
    """A confirmed address on the mailing list.

    A row exists only once its owner has clicked the confirmation link (until then the answers
    travel inside the signed link, not in the database), and it is deleted, not flagged, when
    they unsubscribe: the list never holds anyone who did not ask, or no longer asks, to be on it.
    """

    email = models.EmailField(_("email address"), unique=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    form_page = models.ForeignKey(
        "home.FormPage",
        verbose_name=_("signed up on"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"))

    class Meta:
        ordering = ["-confirmed_at"]
        verbose_name = _("mailing-list subscriber")
        verbose_name_plural = _("mailing-list subscribers")

    def __str__(self):
        return self.email

    @property
    def answers_text(self):
        return "; ".join(f"{key}: {value}" for key, value in self.answers.items())
