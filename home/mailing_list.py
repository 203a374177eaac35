"""The mailing list's double opt-in and one-click unsubscribe.

Sign-up sends a confirmation email whose link carries the answers, signed
(``django.core.signing``) and valid for ``CONFIRMATION_DAYS``; nothing is stored until that link
is followed, so an address typed by someone else is never added, and an unconfirmed sign-up
leaves nothing behind to delete. Every email to a subscriber (or would-be subscriber) carries an
unsubscribe link that works from the link alone, with ``List-Unsubscribe`` and
``List-Unsubscribe-Post`` headers so mail programs offer their own one-click button (RFC 8058).
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from home.models import Subscriber

CONFIRMATION_DAYS = 3
CONFIRM_SALT = "home.mailing_list.confirm"
UNSUBSCRIBE_SALT = "home.mailing_list.unsubscribe"


class BadLink(Exception):
    """A confirmation or unsubscribe link that was altered, cut short or is too old."""

    def __init__(self, expired=False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def answers_for_link(form, email_name):
    """The form's answers as plain JSON (dates and the like as text), the address as "email"."""
    answers = {}
    for name, value in form.cleaned_data.items():
        if isinstance(value, (str, bool, int, float)) or value is None:
            answers[name] = value
        elif isinstance(value, (list, tuple)):
            answers[name] = [str(item) for item in value]
        else:
            answers[name] = str(value)
    answers["email"] = answers.pop(email_name, "")
    return answers


def confirmation_token(page, answers, language):
    return signing.dumps({"p": page.pk, "a": answers, "l": language}, salt=CONFIRM_SALT)


def read_confirmation(token):
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=timedelta(days=CONFIRMATION_DAYS))
    except signing.SignatureExpired as error:
        raise BadLink(expired=True) from error
    except signing.BadSignature as error:
        raise BadLink() from error
    if not isinstance(data, dict) or not isinstance(data.get("a"), dict):
        raise BadLink()
    return data


def unsubscribe_token(email, language):
    # No age limit: an old newsletter's link must still work.
    return signing.dumps({"e": email, "l": language}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe(token):
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise BadLink() from error
    if not isinstance(data, dict) or not isinstance(data.get("e"), str):
        raise BadLink()
    return data


def unsubscribe_url(request, email, language):
    path = reverse("mailing_list_unsubscribe", args=(unsubscribe_token(email, language),))
    return request.build_absolute_uri(path)


def send_list_email(request, to, language, subject, template, context):
    """One email to one (would-be) subscriber, with its unsubscribe link and headers."""
    unsubscribe = unsubscribe_url(request, to, language)
    with translation.override(language or settings.LANGUAGE_CODE):
        body = render_to_string(template, {**context, "unsubscribe_url": unsubscribe})
    message = EmailMessage(
        subject=subject,
        body=body,
        to=[to],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    return message.send()


def send_confirmation(request, page, answers, email, language):
    token = confirmation_token(page, answers, language)
    confirm_url = request.build_absolute_uri(page.url + "?confirm=" + token)
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = _("Please confirm you want to join the Arts Backpack mailing list")
    return send_list_email(
        request,
        email,
        language,
        subject,
        "home/email/confirm_subscription.txt",
        {"confirm_url": confirm_url, "days": CONFIRMATION_DAYS, "page": page},
    )


def confirm(request, page, token):
    """Add the address the link was made for; following it again changes nothing."""
    data = read_confirmation(token)
    if data.get("p") != page.pk:
        raise BadLink()
    answers = data["a"]
    email = answers.get("email") or ""
    if not email:
        raise BadLink()
    subscriber, created = Subscriber.objects.get_or_create(
        email=email,
        defaults={
            "answers": {key: value for key, value in answers.items() if key != "email"},
            "form_page": page,
            "language": data.get("l", ""),
            "confirmed_at": timezone.now(),
        },
    )
    if created:
        with translation.override(subscriber.language or settings.LANGUAGE_CODE):
            subject = _("You are on the Arts Backpack mailing list")
        send_list_email(
            request,
            email,
            subscriber.language,
            subject,
            "home/email/welcome.txt",
            {"page": page},
        )
    return subscriber


def unsubscribe(token):
    """Remove the address the link was made for, and say in which language to answer."""
    data = read_unsubscribe(token)
    removed, _counts = Subscriber.objects.filter(email__iexact=data["e"]).delete()
    return bool(removed), data.get("l", "")
