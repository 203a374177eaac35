"""Provider and activity pages, and the directory page that searches them."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.blocks import RICH_TEXT_FEATURES
from core.fragments import when_shown
from core.models import BasePage
from core.site_cache import remember
from core.widgets import Checklist
from directory import structured_data
from directory.admin_forms import ActivityPageForm
from directory.icalendar import activity_calendar
from directory.models.venues import (
    HIDE_EXACT_ADDRESS_HELP,
    HIDE_EXACT_ADDRESS_LABEL,
    ProviderVenue,
    apply_venue,
    published_address,
)
from places.nations import nation_code_for_request
from places.postcodes import validate_postcode
from places.widgets import PlaceChecklist

MAX_AGE = 18


class DirectoryIndexPage(BasePage):
    """The activity directory: a search over the providers' activities beneath it."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)
    parent_page_types = ["home.HomePage"]
    subpage_types = ["directory.ProviderPage"]
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("introduction"),
    ]

    class Meta:
        verbose_name = _("directory page")

    def serve(self, request, *args, **kwargs):
        from directory.views import serve_directory

        return serve_directory(self, request)

    def serve_preview(self, request, mode_name):
        # Wagtail previews render the template with get_context() alone; the directory's
        # results, facets and form come from the search view, so preview goes through it too.
        from directory.views import serve_directory

        return serve_directory(self, request)


class ProviderPage(BasePage):
    """An artist, venue or organisation that offers activities to schools. Its activities are
    its child pages, so its own staff can be given rights over this subtree alone."""

    description = RichTextField(_("about the provider"), features=RICH_TEXT_FEATURES)
    logo = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    places_served = ParentalManyToManyField(
        "places.Place", verbose_name=_("places served"), blank=True, related_name="+"
    )
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    booking_information = models.TextField(_("how to book"), blank=True)
    accessibility_statement = RichTextField(
        _("accessibility statement"), blank=True, features=RICH_TEXT_FEATURES
    )
    safeguarding_policy_url = models.URLField(_("safeguarding policy"), blank=True)
    dbs_checked = models.BooleanField(
        _("staff working with children have enhanced DBS (or PVG / AccessNI) checks"),
        default=False,
    )
    trauma_informed = models.BooleanField(_("staff have trauma-informed training"), default=False)
    risk_assessment_available = models.BooleanField(
        _("a risk assessment is available to schools"),
        default=False,
        help_text=_("Tick if schools can have your risk assessment for a visit or workshop."),
    )
    safeguarding_note = models.TextField(
        _("safeguarding note"),
        max_length=400,
        blank=True,
        help_text=_(
            "A sentence or two for schools: who your designated safeguarding lead is, how "
            "staff are trained, anything a teacher should know."
        ),
    )
    social_links = models.TextField(
        _("social media links"), blank=True, help_text=_("One address per line.")
    )

    parent_page_types = ["directory.DirectoryIndexPage"]
    subpage_types = ["directory.ActivityPage"]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("description"),
        FieldPanel("logo"),
        FieldPanel("places_served", widget=PlaceChecklist),
        InlinePanel("venues", label=_("Venues")),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("website"),
                FieldPanel("booking_information"),
                FieldPanel("social_links"),
            ],
            heading=_("Contact and booking"),
        ),
        FieldPanel("accessibility_statement"),
        MultiFieldPanel(
            [
                FieldPanel("safeguarding_policy_url"),
                FieldPanel("dbs_checked"),
                FieldPanel("risk_assessment_available"),
                FieldPanel("trauma_informed"),
                FieldPanel("safeguarding_note"),
            ],
            heading=_("Safeguarding"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.AutocompleteField("title"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("description"),
        TranslatableField("booking_information"),
        TranslatableField("accessibility_statement"),
        TranslatableField("safeguarding_note"),
        SynchronizedField("logo"),
        SynchronizedField("places_served"),
        SynchronizedField("venues"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        SynchronizedField("website"),
        SynchronizedField("safeguarding_policy_url"),
        SynchronizedField("dbs_checked"),
        SynchronizedField("trauma_informed"),
        SynchronizedField("risk_assessment_available"),
        SynchronizedField("social_links"),
    ]

    class Meta:
        verbose_name = _("provider page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["activities"] = (
            ActivityPage.objects.child_of(self).live().public().order_by("title")
        )
        # Read only by the page's kept parts (core/fragments.py).
        context.update(
            when_shown(
                lambda: {"structured_data": structured_data.organization(self, request)},
                "structured_data",
            )
        )
        return context

    @property
    def has_safeguarding_details(self):
        return bool(
            self.dbs_checked
            or self.risk_assessment_available
            or self.trauma_informed
            or self.safeguarding_note
            or self.safeguarding_policy_url
        )

    @property
    def social_link_list(self):
        return [line.strip() for line in self.social_links.splitlines() if line.strip()]


class ActivityTag(TaggedItemBase):
    content_object = ParentalKey(
        "directory.ActivityPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ActivitySession(Orderable):
    """A dated session. Activities "on request" have none and use their availability window."""

    activity = ParentalKey(
        "directory.ActivityPage", on_delete=models.CASCADE, related_name="sessions"
    )
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    places_left = models.PositiveSmallIntegerField(_("places left"), null=True, blank=True)
    # The weekday and clock times in the site's time zone, kept with every save: the open-data
    # API filters sessions by them ("Mondays from 09:00"), and converting each stored UTC time
    # in the query costs SQLite a Python call per session (0.3 s at 10,000 activities).
    local_weekday = models.PositiveSmallIntegerField(editable=False, null=True)  # ISO: Monday 1
    local_start_time = models.TimeField(editable=False, null=True)
    local_end_time = models.TimeField(editable=False, null=True)  # of the end, else the start

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("places_left")]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        # "Soonest first" looks up each activity's next session by start time.
        indexes = [models.Index(fields=["activity", "start"], name="session_activity_start")]

    def save(self, *args, **kwargs):
        self.set_local_times()
        super().save(*args, **kwargs)

    def set_local_times(self):
        """Fill the local weekday and times from ``start`` and ``end`` (bulk loaders, which
        skip ``save``, call this themselves)."""
        if self.start is None:
            self.local_weekday = self.local_start_time = self.local_end_time = None
            return
        zone = timezone.get_default_timezone()
        start = timezone.localtime(self.start, zone)
        self.local_weekday = start.isoweekday()
        self.local_start_time = start.time()
        self.local_end_time = timezone.localtime(self.end or self.start, zone).time()

    def clean(self):
        super().clean()
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("A session cannot end before it starts.")})

    @property
    def end_or_start(self):
        return self.end or self.start


class ActivityPage(RoutablePageMixin, BasePage):
    """One offer to schools: everything a teacher needs to decide and book."""

    class Availability(models.TextChoices):
        DATED = "dated", _("On the dates listed")
        ON_REQUEST = "on_request", _("On request during term time")

    class PriceUnit(models.TextChoices):
        PUPIL = "pupil", _("per pupil")
        CLASS = "class", _("per class")
        SCHOOL = "school", _("per school")
        SESSION = "session", _("per session")

    summary = models.TextField(_("summary"), max_length=400)
    description = RichTextField(_("description"), features=RICH_TEXT_FEATURES)
    image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image alt text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image. Leave empty only if it is purely decorative."),
    )
    art_forms = ParentalManyToManyField(
        "directory.ArtForm", verbose_name=_("art forms"), related_name="activities"
    )
    formats = ParentalManyToManyField(
        "directory.Format", verbose_name=_("formats"), related_name="activities"
    )
    access_features = ParentalManyToManyField(
        "directory.AccessFeature",
        verbose_name=_("access features"),
        blank=True,
        related_name="activities",
    )
    delivery_languages = ParentalManyToManyField(
        "directory.DeliveryLanguage",
        verbose_name=_("languages of delivery"),
        related_name="activities",
    )
    places = ParentalManyToManyField(
        "places.Place",
        verbose_name=_("places where offered"),
        related_name="activities",
        help_text=_("Where schools can have this: choose nations, regions or local authorities."),
    )
    age_min = models.PositiveSmallIntegerField(
        _("youngest age"), validators=[MinValueValidator(2), MaxValueValidator(MAX_AGE)]
    )
    age_max = models.PositiveSmallIntegerField(
        _("oldest age"), validators=[MinValueValidator(2), MaxValueValidator(MAX_AGE)]
    )
    is_free = models.BooleanField(_("free to schools"), default=False)
    price = models.DecimalField(
        _("price (£)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    price_unit = models.CharField(
        _("price is"), max_length=10, choices=PriceUnit.choices, blank=True
    )
    bursaries = models.TextField(
        _("bursaries and subsidised places"), blank=True, help_text=_("Who can apply and how.")
    )
    availability = models.CharField(
        _("availability"), max_length=12, choices=Availability.choices, default="dated"
    )
    available_from = models.DateField(_("available from"), null=True, blank=True)
    available_until = models.DateField(_("available until"), null=True, blank=True)
    duration = models.CharField(_("duration"), max_length=100, blank=True)
    group_size = models.CharField(
        _("group size"), max_length=100, blank=True, help_text=_("For example: up to 30 pupils")
    )
    # One of the provider's venues (ProviderVenue.key), or none: then the fields below are the
    # activity's own venue, or empty when it comes to the school or runs online. With a venue
    # chosen they are its copy, refreshed when the provider is published (directory/signals.py).
    venue_key = models.UUIDField(_("venue"), null=True, blank=True, db_index=True)
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.TextField(_("venue address"), blank=True)
    venue_postcode = models.CharField(
        _("venue postcode"), max_length=10, blank=True, validators=[validate_postcode]
    )
    hide_exact_address = models.BooleanField(
        HIDE_EXACT_ADDRESS_LABEL, default=False, help_text=HIDE_EXACT_ADDRESS_HELP
    )
    # Indexed: "near a postcode" first narrows by a latitude band.
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, editable=False, db_index=True
    )
    longitude = models.FloatField(_("longitude"), null=True, blank=True, editable=False)
    # The venue as a point on the unit sphere: straight-line (chord) distance between two such
    # points grows exactly with the distance along the Earth's surface, so the database can
    # sort and filter by true distance with plain arithmetic (SQLite has no trigonometry).
    position_x = models.FloatField(null=True, blank=True, editable=False)
    position_y = models.FloatField(null=True, blank=True, editable=False)
    position_z = models.FloatField(null=True, blank=True, editable=False)
    booking_url = models.URLField(_("booking link"), blank=True)
    booking_email = models.EmailField(_("booking email"), blank=True)
    curriculum_links = models.TextField(
        _("curriculum links"),
        blank=True,
        help_text=_("How the activity supports the curriculum in the nations where it runs."),
    )
    suitable_for_children_in_care = models.BooleanField(
        _("suitable for children in care"),
        default=False,
        help_text=_("Designed with or for care-experienced children, or trauma-informed."),
    )
    cpd_for_teachers = models.BooleanField(
        _("professional development for teachers"),
        default=False,
        help_text=_("Tick if this is (or includes) training for teachers."),
    )
    # What a teacher needs to plan the visit; each shows as its own section only when filled.
    whats_included = models.TextField(
        _("what is included"),
        max_length=1000,
        blank=True,
        help_text=_("For example: materials, a follow-up resource pack, a performance."),
    )
    school_provides = models.TextField(
        _("what the school provides"),
        max_length=1000,
        blank=True,
        help_text=_("For example: a hall, a screen and speakers, adults to accompany pupils."),
    )
    travel = models.TextField(
        _("travel and transport"),
        max_length=1000,
        blank=True,
        help_text=_(
            "How groups get there (coach parking, nearest station), or how far you travel."
        ),
    )
    cancellation_terms = models.TextField(
        _("cancellation terms"),
        max_length=1000,
        blank=True,
        help_text=_("Notice needed, refunds, and what happens in bad weather or illness."),
    )
    tags = ClusterTaggableManager(through=ActivityTag, blank=True, verbose_name=_("keywords"))

    parent_page_types = ["directory.ProviderPage"]
    subpage_types = []
    base_form_class = ActivityPageForm

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        MultiFieldPanel(
            [
                FieldPanel("art_forms", widget=Checklist),
                FieldPanel("formats", widget=Checklist),
                FieldRowPanel([FieldPanel("age_min"), FieldPanel("age_max")]),
                FieldPanel("delivery_languages", widget=Checklist),
                FieldPanel("access_features", widget=Checklist),
                FieldPanel("suitable_for_children_in_care"),
                FieldPanel("cpd_for_teachers"),
                FieldPanel("tags"),
            ],
            heading=_("Who and what"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("places", widget=PlaceChecklist),
                FieldPanel("venue_key"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("venue_postcode"),
                FieldPanel("hide_exact_address"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("availability"),
                FieldRowPanel([FieldPanel("available_from"), FieldPanel("available_until")]),
                InlinePanel("sessions", label=_("Dated sessions")),
                FieldPanel("duration"),
                FieldPanel("group_size"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("whats_included"),
                FieldPanel("school_provides"),
                FieldPanel("travel"),
                FieldPanel("cancellation_terms"),
            ],
            heading=_("Planning the visit"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_free"),
                FieldRowPanel([FieldPanel("price"), FieldPanel("price_unit")]),
                FieldPanel("bursaries"),
            ],
            heading=_("Cost"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("booking_url"),
                FieldPanel("booking_email"),
                FieldPanel("curriculum_links"),
            ],
            heading=_("Booking and curriculum"),
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.SearchField("curriculum_links"),
        index.AutocompleteField("title"),
        index.RelatedFields("art_forms", [index.SearchField("name")]),
        index.RelatedFields("places", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("sessions", [index.FilterField("start")]),
        index.FilterField("age_min"),
        index.FilterField("age_max"),
        index.FilterField("is_free"),
        index.FilterField("price"),
        index.FilterField("suitable_for_children_in_care"),
        index.FilterField("cpd_for_teachers"),
    ]

    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("image_alt"),
        TranslatableField("duration"),
        TranslatableField("group_size"),
        TranslatableField("bursaries"),
        TranslatableField("curriculum_links"),
        TranslatableField("venue_name"),
        TranslatableField("whats_included"),
        TranslatableField("school_provides"),
        TranslatableField("travel"),
        TranslatableField("cancellation_terms"),
        SynchronizedField("image", overridable=True),
        SynchronizedField("art_forms"),
        SynchronizedField("formats"),
        SynchronizedField("access_features"),
        SynchronizedField("delivery_languages"),
        SynchronizedField("places"),
        SynchronizedField("tags"),
        SynchronizedField("sessions"),
        SynchronizedField("age_min"),
        SynchronizedField("age_max"),
        SynchronizedField("is_free"),
        SynchronizedField("price"),
        SynchronizedField("price_unit"),
        SynchronizedField("availability"),
        SynchronizedField("available_from"),
        SynchronizedField("available_until"),
        SynchronizedField("venue_key"),
        SynchronizedField("venue_address"),
        SynchronizedField("venue_postcode"),
        SynchronizedField("hide_exact_address"),
        SynchronizedField("booking_url"),
        SynchronizedField("booking_email"),
        SynchronizedField("suitable_for_children_in_care"),
        SynchronizedField("cpd_for_teachers"),
    ]

    class Meta:
        verbose_name = _("activity page")

    @property
    def meta_description(self):
        """The search description or listing summary an editor wrote, else the summary every
        activity has, so no activity goes without a description for search engines."""
        return super().meta_description or self.summary

    @property
    def card_image(self):
        """A card's picture: the listing image if an editor chose one, else the activity's own
        picture, so an activity with a picture never shows up on a card without it."""
        return super().card_image or self.image

    @property
    def card_summary(self):
        """Every activity has a summary; a card uses it when no listing summary was written."""
        return super().card_summary or self.summary

    @property
    def planning_sections(self):
        """(anchor, heading, text) of each planning detail the provider filled in (cancellation
        terms are shown with the booking details)."""
        sections = [
            ("included", _("What is included"), self.whats_included),
            ("school-provides", _("What the school provides"), self.school_provides),
            ("travel", _("Travel and transport"), self.travel),
        ]
        return [section for section in sections if section[2].strip()]

    def clean(self):
        super().clean()
        errors = {}
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            errors["age_max"] = _("The oldest age must be the same as or above the youngest.")
        if not self.is_free and self.price is None:
            errors["price"] = _("Enter a price, or tick “free to schools”.")
        if self.price is not None and not self.is_free and not self.price_unit:
            errors["price_unit"] = _("Say what the price covers (per pupil, class, …).")
        if (
            self.available_from
            and self.available_until
            and self.available_from > self.available_until
        ):
            errors["available_until"] = _("This date must be on or after “available from”.")
        if errors:
            raise ValidationError(errors)
        # The revision saved for a draft or preview carries the venue copy too.
        apply_venue(self, self.chosen_venue())

    def save(self, *args, **kwargs):
        if self.is_free:
            self.price = None
        apply_venue(self, self.chosen_venue())
        super().save(*args, **kwargs)

    @property
    def published_venue_address(self):
        return published_address(self.venue_address, self.venue_postcode, self.hide_exact_address)

    def chosen_venue(self):
        """The venue this activity chose among its provider's (same language), if any.

        A key its provider no longer lists (a venue just removed, or a translation whose
        provider has not been synced yet) finds nothing, and the activity keeps its last copy.
        Before the page is in the tree (the add form) there is no provider to ask yet.
        """
        if self.venue_key is None or not self.path:
            return None
        return ProviderVenue.objects.filter(
            provider__path=self.path[: -self.steplen], key=self.venue_key
        ).first()

    TERMS = ("art_forms", "formats", "places", "delivery_languages", "access_features")

    @cached_property
    def provider(self):
        """The provider page above this activity. Every activity of a provider shows the same
        one, so it is kept in the site cache (core/site_cache.py), which any page saved,
        published, moved or deleted drops; its inline parts are still read when shown."""
        parent_path = self.path[: -self.steplen]
        return remember(
            ("provider-at", parent_path),
            lambda: ProviderPage.objects.filter(path=parent_path).first(),
        )

    def upcoming_sessions(self):
        now = timezone.now()
        return [s for s in self.sessions.order_by("start") if s.end_or_start >= now]

    def nearby(self, limit=3):
        """Other activities offered in the same local authorities, nearest in kind first."""
        place_ids = self.places.filter(kind="local_authority").values("pk")
        return (
            ActivityPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, places__in=place_ids)
            .exclude(path__startswith=self.path[: -self.steplen])
            .distinct()
            .order_by("title")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def shown():
            # The page and its structured data both list these terms: one read each.
            prefetch_related_objects([self], *self.TERMS)
            provider = self.provider
            sessions = self.upcoming_sessions()
            return {
                "provider": provider,
                "sessions": sessions,
                "more_from_provider": (
                    ActivityPage.objects.sibling_of(self, inclusive=False)
                    .live()
                    .public()
                    .order_by("title")[:3]
                ),
                "nearby": self.nearby(),
                "structured_data": structured_data.activity(self, provider, sessions, request),
            }

        # Read only by the page's kept parts (core/fragments.py): not at all when they are kept.
        context.update(
            when_shown(
                shown, "provider", "sessions", "more_from_provider", "nearby", "structured_data"
            ),
            nation_code=nation_code_for_request(request),
        )
        return context

    @path("")
    def activity(self, request):
        return self.render(request)

    @path("calendar/")
    def calendar(self, request):
        sessions = self.upcoming_sessions()
        if not sessions:
            raise Http404("No dated sessions")
        body = activity_calendar(self, sessions, self.get_full_url(request), request.get_host())
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response
