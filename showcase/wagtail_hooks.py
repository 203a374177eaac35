"""Showcase admin: artworks, children and the consent ledger, review, reports, audit actions."""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    IndexView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from core.bootstrap import BOOTSTRAP, DEMO_CONTENT
from core.cache import PAGES_SHOWING
from core.sections import HOME_PAGE_SECTIONS, Section
from directory.models import ActivityPage
from showcase import admin_views
from showcase.bootstrap import ensure_safeguarding_groups, ensure_showcase_index
from showcase.featured import featured_galleries
from showcase.forms import ArtworkForm
from showcase.models import Artwork, Child, ConsentRecord, ShowcasePage, WithdrawalRequest


class ArtworkIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if self.request.user.has_perm("showcase.review_artwork"):
            buttons.append(
                ListingButton(
                    _("Safeguarding review"),
                    url=reverse("showcase_review", args=(instance.pk,)),
                    icon_name="tick-inverse",
                    priority=5,
                )
            )
        return buttons


class ArtworkViewSet(SnippetViewSet):
    model = Artwork
    icon = "image"
    menu_label = _("Artworks")
    url_prefix = "showcase/artworks"
    url_namespace = "showcase_artwork"
    index_view_class = ArtworkIndexView
    list_display = ["title", "display_name", "medium", "status", "updated_at"]
    list_filter = ["status", "medium"]
    search_fields = ["title", "project"]
    search_backend_name = None  # artworks never enter the search index, not even the admin's
    panels = [
        FieldPanel("title"),
        FieldPanel("display_name"),
        FieldPanel("children"),
        FieldPanel("medium"),
        MultiFieldPanel(
            [
                # A plain file input: the default one links to the file's URL, and artwork
                # files have none. Reviewers see the picture on the review page instead.
                FieldPanel("image", widget=forms.FileInput),
                FieldPanel("alt_text"),
                FieldPanel("text"),
            ],
            heading=_("The work"),
        ),
        FieldPanel("childs_words"),
        FieldRowPanel([FieldPanel("age"), FieldPanel("year_group")]),
        FieldPanel("place"),
        PageChooserPanel("activity", page_type="directory.ActivityPage"),
        FieldPanel("project"),
        FieldPanel("ready_for_review"),
    ]


Artwork.base_form_class = ArtworkForm


class ChildIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        user = self.request.user
        if user.has_perm("showcase.add_consentrecord"):
            buttons += [
                ListingButton(
                    _("Record consent"),
                    url=reverse("showcase_consent:add") + f"?child={instance.pk}",
                    icon_name="plus",
                    priority=1,
                ),
                ListingButton(
                    _("Withdraw consent"),
                    url=reverse("showcase_withdraw", args=(instance.pk,)),
                    icon_name="cross",
                    priority=2,
                ),
            ]
        if user.has_perm("showcase.change_child"):
            buttons.append(
                ListingButton(
                    _("Export data (JSON)"),
                    url=reverse("showcase_export", args=(instance.pk,)),
                    icon_name="download",
                    priority=30,
                )
            )
        if user.has_perm("showcase.delete_child"):
            buttons.append(
                ListingButton(
                    _("Erase all data"),
                    url=reverse("showcase_erase", args=(instance.pk,)),
                    icon_name="bin",
                    priority=40,
                )
            )
        return buttons


class ChildPermissionPolicy(ModelPermissionPolicy):
    """No generic delete for a child: removing one must go through "Erase all data", which
    also removes their works, files and audit entries."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class ChildViewSet(SnippetViewSet):
    model = Child
    icon = "user"
    menu_label = _("Children")
    url_prefix = "showcase/children"
    url_namespace = "showcase_child"
    index_view_class = ChildIndexView
    list_display = ["reference", "do_not_publish", "current_consent", "created_at"]
    list_filter = ["do_not_publish"]
    search_fields = ["reference"]
    search_backend_name = None
    panels = [FieldPanel("reference"), FieldPanel("do_not_publish")]

    @property
    def permission_policy(self):
        return ChildPermissionPolicy(self.model)


class LedgerPermissionPolicy(ModelPermissionPolicy):
    """The consent ledger is append-only: nobody, superusers included, may edit or delete an
    entry through the admin."""

    def user_has_permission(self, user, action):
        if action in ("change", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class ConsentCreateView(CreateView):
    def get_initial(self):
        initial = super().get_initial()
        child = self.request.GET.get("child", "")
        if child.isdigit():
            initial["child"] = int(child)
        return initial

    def save_instance(self):
        self.form.instance.recorded_by = self.request.user
        return super().save_instance()

    def get_success_buttons(self):
        return []  # no "Edit" button: a ledger entry is never edited


class ConsentRecordViewSet(SnippetViewSet):
    model = ConsentRecord
    icon = "doc-full"
    menu_label = _("Consent ledger")
    url_prefix = "showcase/consent"
    url_namespace = "showcase_consent"
    add_view_class = ConsentCreateView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["child", "kind", "given_by", "given_at", "expires_at", "recorded_by"]
    list_filter = ["kind", "given_by"]
    search_fields = ["child__reference", "notice_version"]
    search_backend_name = None
    panels = [
        FieldPanel("child"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("given_by"), FieldPanel("authority_name")]),
        FieldRowPanel([FieldPanel("given_at"), FieldPanel("notice_version")]),
        MultiFieldPanel(
            [FieldPanel("site"), FieldPanel("all_regional_sites"), FieldPanel("print_use")],
            heading=_("Scopes"),
        ),
        FieldPanel("expires_at"),
    ]

    @property
    def permission_policy(self):
        return LedgerPermissionPolicy(self.model)


class WithdrawalRequestPermissionPolicy(ModelPermissionPolicy):
    """Requests come from families through the public form; the team reads them and records
    what it did, but never adds, rewrites or deletes what a family asked for."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)


class WithdrawalRequestViewSet(SnippetViewSet):
    """The safeguarding team's inbox of take-down requests (showcase.withdrawals)."""

    model = WithdrawalRequest
    icon = "warning"
    menu_label = _("Withdrawal requests")
    url_prefix = "showcase/withdrawal-requests"
    url_namespace = "showcase_withdrawalrequest"
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["reference", "status", "relationship", "site", "received_at"]
    list_filter = ["status"]
    search_fields = ["work_reference", "email", "name"]
    search_backend_name = None
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("work_reference", read_only=True),
                FieldPanel("request_all", read_only=True),
                FieldPanel("relationship", read_only=True),
                FieldPanel("name", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("phone", read_only=True),
                FieldPanel("details", read_only=True),
            ],
            heading=_("What the family asked"),
        ),
        FieldPanel("status"),
        FieldPanel("team_notes"),
    ]

    @property
    def permission_policy(self):
        return WithdrawalRequestPermissionPolicy(self.model)


class ShowcaseGroup(SnippetViewSetGroup):
    items = (ArtworkViewSet, ChildViewSet, ConsentRecordViewSet, WithdrawalRequestViewSet)
    menu_icon = "image"
    menu_label = _("Showcase")
    menu_name = "showcase"


register_snippet(ShowcaseGroup)


@hooks.register("register_admin_urls")
def showcase_admin_urls():
    return [
        path("showcase/review/<int:pk>/", admin_views.review_artwork, name="showcase_review"),
        path(
            "showcase/preview/<int:pk>/",
            admin_views.preview_artwork,
            name="showcase_admin_preview",
        ),
        path(
            "showcase/withdraw/<int:pk>/",
            admin_views.withdraw_consent,
            name="showcase_withdraw",
        ),
        path("showcase/export/<int:pk>/", admin_views.export_child_data, name="showcase_export"),
        path("showcase/erase/<int:pk>/", admin_views.erase_child_data, name="showcase_erase"),
        path(
            "reports/consent-expiring/",
            admin_views.ExpiringConsentReport.as_view(),
            name="showcase_expiring_consent",
        ),
        path(
            "reports/consent-expiring/results/",
            admin_views.ExpiringConsentReport.as_view(results_only=True),
            name="showcase_expiring_consent_results",
        ),
    ]


class ConsentReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("showcase.view_consentrecord")


@hooks.register("register_reports_menu_item")
def expiring_consent_menu_item():
    return ConsentReportMenuItem(
        _("Consent expiring soon"),
        reverse("showcase_expiring_consent"),
        name="consent-expiring",
        icon_name="warning",
        order=900,
    )


@hooks.register("register_log_actions")
def register_showcase_actions(actions):
    actions.register_action(
        "showcase.consent_recorded", _("Consent recorded"), _("Consent recorded")
    )
    actions.register_action(
        "showcase.consent_withdrawn", _("Consent withdrawn"), _("Consent withdrawn")
    )
    actions.register_action(
        "showcase.child_flagged", _("Marked do not publish"), _("Marked do not publish")
    )
    actions.register_action(
        "showcase.artwork_hidden",
        _("Taken off the site"),
        _("Taken off the site; its renditions were deleted"),
    )
    actions.register_action(
        "showcase.approved", _("Safeguarding review: approved"), _("Approved for publication")
    )
    actions.register_action(
        "showcase.sent_back", _("Safeguarding review: sent back"), _("Sent back")
    )
    actions.register_action("showcase.exported", _("Data exported"), _("Data exported"))
    actions.register_action("showcase.erased", _("Data erased"), _("Child's data erased"))


@hooks.register(HOME_PAGE_SECTIONS, order=30)
def childrens_work(request, page):
    """The home page's galleries that have something to show right now."""
    return Section("showcase/includes/home_section.html", featured_galleries(request, page))


@hooks.register(PAGES_SHOWING)
def galleries_naming(page):
    """For front-end cache purges (core/cache.py): a gallery of an activity's works, and each
    work page there, names the activity that inspired it."""
    if isinstance(page, ActivityPage):
        yield from ShowcasePage.objects.filter(
            activity__translation_key=page.translation_key
        ).live()


@hooks.register(BOOTSTRAP, order=5)
def safeguarding_groups(setup):
    ensure_safeguarding_groups(setup)


@hooks.register(BOOTSTRAP, order=30)
def showcase_index(setup):
    ensure_showcase_index(setup)


# After the directory's demo content: works name the activity they came from.
@hooks.register(DEMO_CONTENT, order=40)
def demo_works(setup):
    from showcase import demo_content

    demo_content.load(setup.stdout, setup=setup)
