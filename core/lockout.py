"""What a locked-out admin sign-in sees: the Wagtail sign-in page, saying why and for how long.

django-axes' own lockout answer is a bare line of text; this keeps the person on the page they
know, with the reason in Wagtail's message area and a 429 status for scripts.
"""

from django.conf import settings
from django.contrib import messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from wagtail.admin.views.account import LoginView


def lockout_message():
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return gettext(
        "Too many failed sign-in attempts for this account from your network. Please wait "
        "%(minutes)s min, then try again, or ask an administrator to unlock the account."
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: the sign-in page, an empty form and the lockout message."""
    messages.error(request, lockout_message())
    view = LoginView()
    view.setup(request)
    form = view.get_form_class()(request=request)
    context = view.get_context_data(form=form)
    # Rendered here: the middleware that asked for it runs after template responses are rendered.
    return TemplateResponse(request, view.template_name, context, status=429).render()
