"""A small site published in English and Welsh: home, directory (provider and two activities),
stories, showcase, a sign-up form and a standard page, with navigation and a footer.

The Welsh pages carry Welsh content, and every piece of content the fixture writes is listed in
``World.content`` so tests can take it out of a page and look only at the interface around it.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.models import Locale, Site

from core.factories import publish_translation
from directory.factories import (
    ActivityPageFactory,
    DirectoryIndexPageFactory,
    ProviderPageFactory,
    ProviderVenueFactory,
)
from directory.models import AccessFeature, ActivitySession, ArtForm, DeliveryLanguage, Format
from home.factories import (
    FooterFactory,
    FormFieldFactory,
    FormPageFactory,
    PublishedStandardPageFactory,
    site_with_home_page,
)
from home.models import NavigationLink, SiteSettings
from places.loader import load_places
from showcase.factories import (
    ArtworkFactory,
    ShowcaseIndexPageFactory,
    ShowcasePageFactory,
    child_with_consent,
)
from stories.factories import StoryIndexPageFactory, StoryPageFactory
from stories.models import Theme
from tests.worlds import module_world

# Welsh names for the taxonomy terms the fixture uses (slug -> name), so facets and cards show
# Welsh words the way an editor's translations would.
WELSH_TERMS = {
    ArtForm: {"music": "Cerddoriaeth", "theatre-drama": "Theatr a drama"},
    Format: {"comes-to-school": "Yn dod i'ch ysgol", "visit-a-venue": "Ymweld â lleoliad"},
    AccessFeature: {"wheelchair-access": "Mynediad i gadeiriau olwyn", "captions": "Capsiynau"},
    DeliveryLanguage: {"welsh": "Cymraeg", "bilingual": "Dwyieithog"},
    Theme: {"wellbeing-resilience": "Llesiant a gwytnwch", "children-in-care": "Plant mewn gofal"},
}


@dataclass
class World:
    """Where the Welsh pages are, every string of content the fixture put on them, and the
    English pages they translate."""

    urls: dict
    content: list = field(default_factory=list)
    english: dict = field(default_factory=dict)  # the source pages, by name


def _translate_terms(english, welsh):
    for model, names in WELSH_TERMS.items():
        for slug, name in names.items():
            term = model.objects.get(slug=slug, locale=english)
            translated = term.copy_for_translation(welsh)
            translated.name = name
            translated.save()


def build_world():
    english = Locale.objects.get(language_code="en")
    welsh = Locale.objects.get(language_code="cy")
    content = []

    def say(*strings):
        content.extend(strings)
        return strings[0]

    home = site_with_home_page("i18n-home", locale=english)
    site = Site.objects.get(root_page=home)
    load_places()
    _translate_terms(english, welsh)

    home.entry_points = [
        {
            "type": "entry_point",
            "value": {
                "audience": say("Athrawon"),
                "text": say("Dewch o hyd i gynigion lleol."),
                "link": {"text": say("Athrawon: dechrau yma"), "page": None, "url": "/cy/"},
            },
        }
    ]
    home.save_revision().publish()
    welsh_home = publish_translation(
        home,
        welsh,
        title=say("Sach Gefn y Celfyddydau"),
        hero_heading=say("Pum profiad diwylliannol y flwyddyn i bob plentyn ysgol gynradd"),
        hero_text=say("Dewch o hyd i gelfyddydau a diwylliant lleol i'ch dosbarth."),
    )

    # The directory. The site has no region, so it serves Welsh, Gaelic and Irish alike (the
    # regional rules are tested in tests/regions/test_regional_sites.py).
    directory = DirectoryIndexPageFactory(parent=home, introduction="All of them.")
    provider = ProviderPageFactory(
        parent=directory,
        title="Theatr Fach",
        slug="theatr-fach",
        description="<p>About us.</p>",
        contact_email="helo@example.org",
        contact_phone="029 2000 0000",
        website="https://example.org/",
        booking_information="Phone us.",
        accessibility_statement="<p>Step-free.</p>",
        safeguarding_policy_url="https://example.org/diogelu",
        dbs_checked=True,
        trauma_informed=True,
        social_links="https://example.org/social",
        venues=[
            ProviderVenueFactory.build(name="Y Neuadd", address="Heol y Frenhines", postcode="CF10")
        ],
    )
    say("helo@example.org", "029 2000 0000", "https://example.org/", "https://example.org/social")
    say("Y Neuadd", "Heol y Frenhines", "CF10")

    start = timezone.make_aware(datetime.combine(date.today() + timedelta(days=30), time(10)))
    dated = ActivityPageFactory(
        parent=provider,
        title="Drumming",
        slug="drumming",
        art_forms=["music"],
        formats=["visit-a-venue"],
        access_features=["wheelchair-access", "captions"],
        delivery_languages=["welsh"],
        places=[],
        is_free=False,
        price=Decimal("4.50"),
        price_unit="pupil",
        venue_name="Y Neuadd",
        venue_postcode="CF10 1AA",
        duration="Two hours",
        group_size="Up to 30",
        bursaries="Ask us.",
        curriculum_links="Expressive arts.",
        booking_url="https://example.org/archebu",
        booking_email="archebu@example.org",
        suitable_for_children_in_care=True,
        cpd_for_teachers=True,
        sessions=[
            ActivitySession(start=start, end=start + timedelta(hours=2), places_left=2),
            ActivitySession(start=start + timedelta(days=7), places_left=1),
        ],
    )
    on_request = ActivityPageFactory(
        parent=provider,
        title="Storytelling",
        slug="storytelling",
        art_forms=["theatre-drama"],
        formats=["comes-to-school"],
        delivery_languages=["bilingual"],
        places=[],
        is_free=True,
        availability="on_request",
        available_from=date.today(),
        available_until=date.today() + timedelta(days=90),
        age_min=7,
        age_max=11,
    )
    say("archebu@example.org", "https://example.org/archebu", "CF10 1AA")

    welsh_directory = publish_translation(
        directory,
        welsh,
        title=say("Dod o hyd i weithgareddau"),
        introduction=say("Pob un ohonynt."),
    )
    publish_translation(
        provider,
        welsh,
        title=say("Theatr Fach Cymru"),
        description=say("<p>Amdanom ni.</p>"),
        booking_information=say("Ffoniwch ni."),
        accessibility_statement=say("<p>Heb risiau.</p>"),
    )
    welsh_dated = publish_translation(
        dated,
        welsh,
        title=say("Drymio"),
        summary=say("Gweithdy drymio i'r dosbarth cyfan."),
        description=say("<p>Manylion y gweithdy.</p>"),
        duration=say("Dwy awr"),
        group_size=say("Hyd at 30"),
        bursaries=say("Holwch ni."),
        curriculum_links=say("Celfyddydau mynegiannol."),
        venue_name="Y Neuadd",
    )
    welsh_on_request = publish_translation(
        on_request,
        welsh,
        title=say("Adrodd straeon"),
        summary=say("Straeon i blant, yn eich ysgol."),
        description=say("<p>Dewch i wrando.</p>"),
    )

    # Stories: an index, a featured story linked to the provider, and an older one.
    stories = StoryIndexPageFactory(parent=home)
    story_body = [
        {"type": "heading", "value": {"text": say("Beth ddigwyddodd"), "level": "h2"}},
        {"type": "rich_text", "value": say("<p>Roedd y plant wrth eu bodd.</p>")},
        {
            "type": "quote",
            "value": {
                "quote": say("Mae'r celfyddydau i bawb."),
                "attribution": say("Athrawes"),
                "role": say("Caerdydd"),
            },
        },
        {
            "type": "key_figures",
            "value": {
                "heading": say("Mewn rhifau"),
                "figures": [
                    {
                        "number": say("£2,730"),
                        "label": say("wedi'i godi gan 23 o gefnogwyr"),
                        "source": say("Tudalen cyllido torfol"),
                        "source_url": "https://example.org/torfol",
                    }
                ],
            },
        },
        {
            "type": "video",
            "value": {
                "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "title": say("Y peilot mewn dau funud"),
                "poster": None,
                "transcript": say("<p>Geiriau'r fideo.</p>"),
                "audio_described_url": "https://vimeo.com/76979871",
                "captions": True,
            },
        },
        {
            "type": "related_links",
            "value": {
                "heading": say("Darllen rhagor"),
                "links": [{"text": say("Ein straeon"), "page": stories.pk, "url": ""}],
            },
        },
    ]
    featured = StoryPageFactory(
        parent=stories,
        title="Drumming in Cardiff",
        slug="drumming-in-cardiff",
        kind="case-study",
        date=date(2027, 3, 5),
        themes=list(WELSH_TERMS[Theme]),
        places=["GB-CRF"],
        authors=[say("Siân Jones")],
        providers=[provider],
        activities=[dated],
        body=story_body,
    )
    older = StoryPageFactory(
        parent=stories,
        title="A pilot",
        slug="a-pilot",
        kind="pilot-story",
        date=date(2026, 1, 9),
        themes=["wellbeing-resilience"],
    )
    welsh_stories = publish_translation(
        stories,
        welsh,
        title=say("Straeon"),
        introduction=say("Yr hyn rydym yn ei ddysgu."),
    )
    welsh_featured = publish_translation(
        featured,
        welsh,
        title=say("Drymio yng Nghaerdydd"),
        summary=say("Beth ddigwyddodd, a ble."),
    )
    publish_translation(older, welsh, title=say("Cynllun peilot"), summary=say("Y dechrau."))

    # Showcase: an index, a gallery and one consented, approved work.
    showcase = ShowcaseIndexPageFactory(parent=home, introduction="Art.")
    gallery = ShowcasePageFactory(parent=showcase, introduction="All works.")
    artwork = ArtworkFactory(
        children=[child_with_consent(site)],
        title=say("Draig yn hedfan"),
        display_name=say("Aled"),
        age=9,
        project=say("Peilot Caerdydd"),
        alt_text=say("Paentiad o ddraig goch yn hedfan dros fryniau gwyrdd."),
        childs_words=say("Rwy'n hoffi'r lliwiau."),
        activity=dated,
    )
    welsh_showcase = publish_translation(
        showcase, welsh, title=say("Gwaith plant"), introduction=say("Celf.")
    )
    welsh_gallery = publish_translation(
        gallery, welsh, title=say("Y cyfan"), introduction=say("Pob darn o waith.")
    )

    # A sign-up form and an ordinary page, for the form's labels and the 404 page's links.
    form_page = FormPageFactory(parent=home, title="Join the mailing list", slug="sign-up")
    FormFieldFactory(page=form_page, label="Email address", field_type="email")
    welsh_form = form_page.copy_for_translation(welsh)
    welsh_form.title = say("Ymuno â'r rhestr bostio")
    welsh_form.thank_you_text = say("<p>Diolch am gofrestru.</p>")
    welsh_form.save_revision().publish()
    for form_field in welsh_form.specific.form_fields.all():
        form_field.label = say("Cyfeiriad e-bost")
        form_field.save()
    about = PublishedStandardPageFactory(
        parent=home,
        title="About",
        slug="about",
        introduction="About the programme.",
        listing_summary="",
    )
    publish_translation(about, welsh, title=say("Amdanom ni"), introduction=say("Am y rhaglen."))

    # Navigation and footer, in Welsh where translated.
    settings = SiteSettings.for_site(site)
    settings.navigation_links = [
        NavigationLink(page=page) for page in (directory, stories, showcase, about)
    ]
    footer = FooterFactory(locale=english)
    welsh_footer = footer.copy_for_translation(welsh)
    welsh_footer.text = say("<p>Sach Gefn y Celfyddydau: pum profiad y flwyddyn i bob plentyn.</p>")
    welsh_footer.links = [{"type": "link", "value": {"text": say("Preifatrwydd"), "url": "/"}}]
    welsh_footer.save()
    settings.footer = footer
    settings.contact_email = "post@example.org"
    settings.save()
    say("post@example.org", settings.site_name)

    urls = {
        "home": welsh_home.url,
        "directory": welsh_directory.url,
        "provider": welsh_directory.url + "theatr-fach/",
        "dated activity": welsh_dated.url,
        "activity on request": welsh_on_request.url,
        "stories": welsh_stories.url,
        "story": welsh_featured.url,
        "showcase": welsh_showcase.url,
        "gallery": welsh_gallery.url,
        "artwork": f"{welsh_gallery.url}work/{artwork.pk}/",
        "form": welsh_form.url,
    }
    english_pages = {"directory": directory, "dated activity": dated, "showcase": showcase}
    return World(urls=urls, content=content, english=english_pages)


@pytest.fixture(scope="module")
def shared_welsh_world(request):
    yield from module_world(request, "welsh-world", build_world)


@pytest.fixture
def welsh_world(shared_welsh_world, db):
    return shared_welsh_world
