"""The public showcase: an index of galleries, galleries, and a page for each work.

Pages hold no artwork themselves. Every list and every work page asks
``Artwork.objects.publicly_visible(site)``, in whatever language the page is read, so a
translation cannot keep showing a work whose consent has ended. The site's page cache
(core/cache.py) and its kept fragments (core/fragments.py) may keep them only until the next
consent starts or ends, and are purged on every consent, flag or moderation change
(showcase/signals.py); browsers are told not to keep them. A work's page checks the work against
the gallery's visible works, kept by the same rule (``visible_work_ids``).
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, F, Func, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.db.models.lookups import Exact, IsNull
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, Site
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import site_cache
from core.cache import cache_until, never_cache
from core.fragments import when_shown
from core.models import BasePage
from showcase.models.artworks import Artwork

WORKS_PER_PAGE = 24
MAX_ID = 2**63 - 1
# Keep search engines from holding copies that would outlive a withdrawal.
ROBOTS = "noarchive, noimageindex"


def never_kept(response):
    """Neither a cache (the site's never-cache policy) nor a search engine may keep a copy of
    a response that shows children's work: it would outlive a withdrawal."""
    never_cache(response)
    response["X-Robots-Tag"] = ROBOTS
    return response


def limit_cache_to_consent(request, *, browsers=True):
    """Tell the page cache this response shows works (or which galleries have any), so it is
    kept no later than the next consent start or end. ``browsers=False`` for pages showing the
    works themselves: no purge reaches a browser."""
    if request is None:
        return
    if not hasattr(request, "_next_consent_change"):
        request._next_consent_change = kept_next_consent_change()
    cache_until(request, request._next_consent_change, browsers=browsers)


def kept_next_consent_change():
    """The next moment a consent starts or ends, kept for the site generation while it is in
    the future: every new ledger entry starts a new generation (showcase/signals.py), so until
    that moment no other moment can come before it."""
    from showcase.models.consent import next_consent_change

    now = timezone.now()
    parts = ("next-consent-change",)
    kept = site_cache.recall(parts)
    if kept is not site_cache.MISSING and (kept is None or kept > now):
        return kept
    moment = next_consent_change(now)
    site_cache.keep(parts, moment, seconds=settings.PAGE_CACHE_SECONDS)
    return moment


def visible_work_ids(gallery, site):
    """The ids of the works ``gallery`` may show on ``site`` now, kept as the page cache keeps
    the pages that show them: for the site generation, which every consent, flag or moderation
    change replaces (showcase/signals.py); until the next consent start or end, the only change
    with no event (the moment is part of the key); and never longer than the page cache's time.
    Outside a request (or with no shared cache), asked of the database each time."""
    moment = kept_next_consent_change()
    parts = ("visible-work-ids", gallery.pk, site.pk if site else None, moment)
    kept = site_cache.recall(parts)
    if kept is not site_cache.MISSING:
        return kept
    ids = frozenset(gallery.works(site).values_list("pk", flat=True))
    site_cache.keep(parts, ids, seconds=settings.PAGE_CACHE_SECONDS)
    return ids


def kept_until_consent_changes(request, response):
    """A page showing children's work: kept by the site's own cache (purged on every change)
    until the next consent change, by no browser, and archived by no search engine."""
    limit_cache_to_consent(request, browsers=False)
    response["X-Robots-Tag"] = ROBOTS
    return response


def request_site(request):
    return Site.find_for_request(request)


class ShowcaseIndexPage(RoutablePageMixin, BasePage):
    """Children's work from the programme: the galleries, newest works first, and the families'
    withdrawal form (``withdraw/``), linked from every showcase page."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=800)

    parent_page_types = ["home.HomePage"]
    subpage_types = ["showcase.ShowcasePage"]
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("introduction")]

    class Meta:
        verbose_name = _("showcase index page")

    def galleries(self):
        return ShowcasePage.objects.child_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def shown():
            # Every gallery's count and cover in the galleries' own query (with_visible_works).
            galleries = with_visible_works(self.galleries(), request_site(request))
            return {
                "galleries": [
                    {
                        "page": gallery,
                        "count": gallery.visible_works,
                        "cover": {"pk": gallery.cover_id, "image": gallery.cover_image}
                        if gallery.cover_id
                        else None,
                    }
                    for gallery in galleries
                ],
            }

        # Read only by the page's kept part (core/fragments.py), which is kept no later than
        # the next consent change (``serve`` says so before the page is rendered).
        context.update(when_shown(shown, "galleries"))
        context["withdrawal_url"] = self.withdrawal_url(request)
        return context

    def serve(self, request, *args, **kwargs):
        return kept_until_consent_changes(request, super().serve(request, *args, **kwargs))

    def withdrawal_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("withdraw")

    @path("withdraw/")
    def withdraw(self, request):
        """The same form, the same answers and the same confirmation whatever is typed in: it
        never says whether a work or a child exists."""
        from showcase.forms import WithdrawalRequestForm
        from showcase.withdrawals import is_rate_limited, record_request

        status = 200
        if request.method == "POST":
            form = WithdrawalRequestForm(request.POST)
            if not form.is_valid():
                status = 400
            elif is_rate_limited(request, increment=True):
                form.add_error(
                    None,
                    _(
                        "We have received several requests from your connection in the last "
                        "few minutes, so we have paused new ones for a short while. Your "
                        "answers are still below: please try again in ten minutes, or email "
                        "us instead."
                    ),
                )
                status = 429
            else:
                if not form.is_spam:
                    record_request(form, request)
                return redirect(self.get_url(request) + self.reverse_subpage("withdraw_sent"))
        else:
            # A work page links here with its own address; it is only copied into the form,
            # never looked up.
            form = WithdrawalRequestForm(
                initial={"work_reference": request.GET.get("work", "")[:500]}
            )
        response = self.render(
            request,
            template="showcase/withdrawal_form.html",
            context_overrides={"form": form},
        )
        response.status_code = status
        return response

    @path("withdraw/sent/")
    def withdraw_sent(self, request):
        return self.render(request, template="showcase/withdrawal_sent.html")


class ShowcasePage(RoutablePageMixin, BasePage):
    """A gallery of works from one project, activity or place (or all of them)."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=800)
    activity = models.ForeignKey(
        "directory.ActivityPage",
        verbose_name=_("activity"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Show works made in this activity (in any language)."),
    )
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Show works from this place and every place within it."),
    )
    project = models.CharField(
        _("project"),
        max_length=80,
        blank=True,
        help_text=_("Show works whose project is exactly this name."),
    )

    parent_page_types = ["showcase.ShowcaseIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("project"), FieldPanel("activity"), FieldPanel("place")],
            heading=_("Which works to show"),
            help_text=_(
                "Works must match every choice made here. Only approved works whose children "
                "all have consent for this site ever appear."
            ),
        ),
    ]
    # The gallery's own words only: artworks are not pages and never enter the search index.
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("introduction"),
        SynchronizedField("activity"),
        SynchronizedField("place"),
        SynchronizedField("project"),
    ]

    class Meta:
        verbose_name = _("showcase gallery")
        verbose_name_plural = _("showcase galleries")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def shown():
            index = self.get_parent().specific
            if isinstance(index, ShowcaseIndexPage):
                return {"withdrawal_url": index.withdrawal_url(request)}
            return {"withdrawal_url": ""}

        # Read only by the page's kept part (core/fragments.py).
        context.update(when_shown(shown, "withdrawal_url"))
        return context

    def works(self, site):
        """This gallery's works that may be shown on ``site`` right now (``gallery_works``
        says the same for every gallery of a query at once)."""
        works = Artwork.objects.publicly_visible(site)
        if self.project:
            works = works.filter(project=self.project)
        if self.activity_id:
            works = works.filter(activity__translation_key=self.activity.translation_key)
        if self.place_id:
            works = works.filter(place__lineage__startswith=self.place.lineage)
        return works.select_related("place", "activity").order_by("-reviewed_at", "-pk")

    def work_url(self, artwork, request=None):
        return self.get_url(request) + self.reverse_subpage("work", args=(artwork.pk,))

    def get_sitemap_urls(self, request=None):
        limit_cache_to_consent(request)
        urls = super().get_sitemap_urls(request)
        site = request_site(request) if request else self.get_site()
        base = self.get_full_url(request)
        for artwork in self.works(site):
            urls.append(
                {
                    "location": base + self.reverse_subpage("work", args=(artwork.pk,)),
                    "lastmod": artwork.updated_at,
                }
            )
        return urls

    def serve(self, request, *args, **kwargs):
        return kept_until_consent_changes(request, super().serve(request, *args, **kwargs))

    @path("")
    def gallery(self, request):
        def shown():
            paginator = Paginator(self.works(request_site(request)), WORKS_PER_PAGE)
            page_obj = paginator.get_page(request.GET.get("page"))
            return {"page_obj": page_obj, "works": page_obj}

        # Read only by the page's kept part (core/fragments.py), which is kept no later than
        # the next consent change (``serve`` says so before the page is rendered).
        return self.render(request, context_overrides=when_shown(shown, "page_obj", "works"))

    @path("work/<int:artwork_id>/")
    def work(self, request, artwork_id):
        if artwork_id > MAX_ID:  # a database would refuse it with an error, not a miss
            raise Http404("No such work")
        if artwork_id not in visible_work_ids(self, request_site(request)):
            raise Http404("No such work")
        artwork = Artwork.objects.select_related("place", "activity").filter(pk=artwork_id).first()
        if artwork is None:
            raise Http404("No such work")
        return self.render(
            request,
            template="showcase/artwork_page.html",
            context_overrides={
                "artwork": artwork,
                **when_shown(
                    lambda: {
                        "inspired_by": artwork_activity(artwork, self),
                        "image_url": media_url(artwork, "full") if artwork.image else "",
                    },
                    "inspired_by",
                    "image_url",
                ),
            },
        )


def gallery_works(site):
    """The works the gallery of the enclosing query may show on ``site`` right now: the same
    rule as ``ShowcasePage.works`` (publicly visible, then each choice the gallery made),
    written against the outer query's gallery so a list of galleries is one query."""
    return (
        Artwork.objects.publicly_visible(site)
        .filter(Q(Exact(OuterRef("project"), "")) | Q(project=OuterRef("project")))
        .filter(
            Q(IsNull(OuterRef("activity_id"), True))
            | Q(activity__translation_key=OuterRef("activity__translation_key"))
        )
        .filter(
            Q(IsNull(OuterRef("place_id"), True))
            | Q(place__lineage__startswith=OuterRef("place__lineage"))
        )
    )


def with_visible_works(galleries, site):
    """Galleries with what they may show on ``site`` right now, read in their own query:
    ``visible_works`` (how many), ``cover_id`` and ``cover_image`` (the newest work's)."""
    works = gallery_works(site)
    newest = works.order_by("-reviewed_at", "-pk")
    return galleries.annotate(
        visible_works=Coalesce(
            Subquery(
                works.order_by().annotate(count=Func(F("pk"), function="COUNT")).values("count")
            ),
            0,
        ),
        cover_id=Subquery(newest.values("pk")[:1]),
        cover_image=Subquery(newest.values("image")[:1]),
    )


def galleries_showing_works(galleries, site):
    """Only the galleries with at least one work to show on ``site`` right now."""
    return galleries.filter(Exists(gallery_works(site)))


def media_url(artwork, size):
    return reverse("showcase_media", args=(artwork.pk, size))


def artwork_activity(artwork, gallery):
    """The activity that inspired the work, in the gallery's language, if it is live."""
    if not artwork.activity_id:
        return None
    activity = artwork.activity.get_translation_or_none(gallery.locale) or artwork.activity
    page = Page.objects.live().public().filter(pk=activity.pk).first()
    return page.specific if page else None
