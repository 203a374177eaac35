"""The mailing list's unsubscribe link (home/mailing_list.py)."""

from django.shortcuts import render
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.cache import never_cache
from home import mailing_list


# The link must work from an email alone: a mail program's one-click button posts to it with
# no cookie or CSRF token (RFC 8058), and a reader's click is a plain GET. Either removes the
# address at once; the token itself is the proof that the link came from our email.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        removed, language = mailing_list.unsubscribe(token)
    except mailing_list.BadLink:
        response = render(request, "home/unsubscribe_bad_link.html", status=400)
    else:
        with translation.override(language or None):
            response = render(request, "home/unsubscribed.html", {"removed": removed})
    return never_cache(response)
