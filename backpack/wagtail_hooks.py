"""The class backpack's places on pages it does not own (core/sections.py): the Save control
and booking request beside every activity, the header's saved count, a home-page section and
the visits panel on provider pages; and the providers' "Requests" inbox in the admin."""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    EditView,
    IndexView,
    InspectView,
    SnippetViewSet,
    UsageView,
)

from backpack import saved
from backpack.bookings import answer_request
from backpack.models import BookingRequest
from backpack.visits import visit_figures
from core.bootstrap import DEMO_CONTENT
from core.sections import (
    ACTIVITY_ACTIONS,
    HEADER_LINKS,
    HOME_PAGE_SECTIONS,
    RELATED_PANELS_LIVE,
    Section,
)
from directory.models import ProviderPage


@hooks.register(ACTIVITY_ACTIONS)
def save_and_request(request, activity, place):
    control = {"saved": saved.is_saved(request, activity), "request_url": ""}
    if place == "page":
        control["request_url"] = reverse("backpack:request", args=(activity.pk,))
    return Section("backpack/includes/save_control.html", [control])


@hooks.register(HEADER_LINKS)
def saved_count(request):
    return Section("backpack/includes/header_link.html", [len(saved.saved_keys(request))])


@hooks.register(HOME_PAGE_SECTIONS, order=15)
def plan_the_year(request, page):
    return Section("backpack/includes/home_section.html", [reverse("backpack:saved")])


# Figures that grow as teachers record visits, with no page published: rendered each time.
@hooks.register(RELATED_PANELS_LIVE)
def provider_visits(request, page):
    if not isinstance(page, ProviderPage):
        return None
    figures = visit_figures(page)
    return Section("backpack/includes/provider_visits.html", [figures] if figures else [])


# The providers' inbox ------------------------------------------------------------------------


def editable_providers(user):
    """The provider pages (any language) this user may edit: their own provider's, or all for
    reviewers and superusers."""
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return ProviderPage.objects.filter(pk__in=pages.type(ProviderPage).values("pk"))


def _provider_keys(user):
    return ProviderPage.objects.filter(pk__in=editable_providers(user)).values("translation_key")


def requests_for(user):
    """The booking requests this user may see: those for providers they may edit (in any of
    the provider's languages)."""
    if user.is_superuser:
        return BookingRequest.objects.all()
    return BookingRequest.objects.filter(provider__translation_key__in=_provider_keys(user))


class RequestPermissionPolicy(ModelPermissionPolicy):
    """A provider's editors read and answer their own provider's requests, and nobody else's;
    no one adds or deletes one in the admin (they come from schools)."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete") or not user.is_active:
            return False
        if user.is_superuser:
            return True
        return action in ("view", "change") and editable_providers(user).exists()

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return requests_for(user).filter(pk=instance.pk).exists()

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return BookingRequest.objects.none()
        return requests_for(user)


class RequestIndexView(IndexView):
    def get_base_queryset(self):
        return requests_for(self.request.user).select_related("provider")


class RequestEditView(EditView):
    def get_queryset(self):
        # Another provider's request is not found at all (404), not merely refused.
        return requests_for(self.request.user)

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        self.previous_status = obj.status
        return obj

    def save_instance(self):
        instance = super().save_instance()
        answer_request(instance, self.previous_status)
        return instance


class RequestInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(requests_for(self.request.user), pk=unquote(str(self.pk)))


class RequestUsageView(UsageView):
    def get_object(self):
        return get_object_or_404(requests_for(self.request.user), pk=unquote(str(self.pk)))


class BookingRequestViewSet(SnippetViewSet):
    model = BookingRequest
    icon = "mail"
    menu_label = _("Requests")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "booking-requests"
    url_namespace = "backpack_bookingrequest"
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = RequestIndexView
    edit_view_class = RequestEditView
    inspect_view_class = RequestInspectView
    usage_view_class = RequestUsageView
    list_display = ["activity_title", "school_name", "status", "provider", "received_at"]
    list_filter = ["status"]
    search_fields = ["activity_title", "school_name"]
    search_backend_name = None
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("activity_title", read_only=True),
                FieldPanel("school_name", read_only=True),
                FieldPanel("contact_name", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("phone", read_only=True),
                FieldPanel("preferred_dates", read_only=True),
                FieldPanel("pupils", read_only=True),
                FieldPanel("adults", read_only=True),
                FieldPanel("year_group", read_only=True),
                FieldPanel("access_needs", read_only=True),
                FieldPanel("message", read_only=True),
            ],
            heading=_("What the school asked"),
        ),
        FieldPanel("status"),
        FieldPanel("provider_reply"),
    ]

    @property
    def permission_policy(self):
        return RequestPermissionPolicy(self.model)


register_snippet(BookingRequestViewSet)


# After the directory's demo content: the demo class plans its activities.
@hooks.register(DEMO_CONTENT, order=40)
def demo_backpack(setup):
    from backpack import demo_content

    demo_content.load(setup.stdout)
