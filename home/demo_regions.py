"""Demo content for the three regional sites beside England's: each gets its own home page,
Site, settings, an "about" page and a footer, in English. Their Welsh, Gaelic and Irish versions
are made through wagtail-localize afterwards (home/demo_translations.py), as editors would.
Written in our own words from ../shared/seeds. Safe to run again.
"""

from wagtail.models import Locale

from core.demo_images import get_or_create_demo_image
from home.bootstrap import home_page
from home.demo_content import PROGRAMME_EMAIL, child_page, dress_home_page, rich_text
from home.models import Footer, NavigationLink, SiteSettings, StandardPage
from regions.regions import REGIONS_BY_KEY
from regions.sites import site_for_region

REGIONAL_HOMES = {
    "wales": {
        "site_name": "Arts Backpack Wales",
        "tagline": "Five cultural experiences a year for every child in Wales",
        "hero_heading": "Five cultural experiences a year for every child in Wales",
        "hero_text": (
            "Music, theatre, dance, film and heritage, in English and in Welsh, for every "
            "primary-school child in Wales. Find offers near your school and read about the "
            "Welsh pilot."
        ),
        "listing_summary": "The Arts Backpack for primary schools across Wales.",
        "about_title": "The Arts Backpack in Wales",
        "about_introduction": (
            "A pilot in Wales was planned for the 2023/24 school year, after pilots in "
            "Leicester, Belfast and Fife."
        ),
        "about_body": (
            "Schools in Wales work to the Curriculum for Wales, in which expressive arts are "
            "one of six areas of learning and experience. The Arts Backpack helps schools find "
            "artists, venues and heritage close to them, in Welsh, in English or in both.",
            "The directory on this site starts with offers in Wales. You can widen any search "
            "to the whole of the UK.",
        ),
        "footer": (
            "The Arts Backpack in Wales: at least five quality cultural experiences a year for "
            "every primary-school child."
        ),
    },
    "scotland": {
        "site_name": "Arts Backpack Scotland",
        "tagline": "Five cultural experiences a year for every child in Scotland",
        "hero_heading": "Five cultural experiences a year for every child in Scotland",
        "hero_text": (
            "Stories, music, dance and making, from Fife to the Highlands, for every "
            "primary-school child in Scotland. Find offers near your school."
        ),
        "listing_summary": "The Arts Backpack for primary schools across Scotland.",
        "about_title": "The Arts Backpack in Scotland",
        "about_introduction": (
            "Fife was one of the first three places to pilot the Arts Backpack, with Leicester "
            "and Belfast."
        ),
        "about_body": (
            "Stages on this site follow Curriculum for Excellence levels, from early level to "
            "third level, so teachers can find offers for their class at a glance.",
            "The directory on this site starts with offers in Scotland. You can widen any "
            "search to the whole of the UK.",
        ),
        "footer": (
            "The Arts Backpack in Scotland: at least five quality cultural experiences a year "
            "for every primary-school child."
        ),
    },
    "northern-ireland": {
        "site_name": "Arts Backpack Northern Ireland",
        "tagline": "Five cultural experiences a year for every child in Northern Ireland",
        "hero_heading": "Five cultural experiences a year for every child in Northern Ireland",
        "hero_text": (
            "Puppetry, drumming, dance and storytelling for every primary-school child in "
            "Northern Ireland. Find offers near your school."
        ),
        "listing_summary": "The Arts Backpack for primary schools across Northern Ireland.",
        "about_title": "The Arts Backpack in Northern Ireland",
        "about_introduction": (
            "Belfast was one of the first three places to pilot the Arts Backpack, with "
            "Leicester and Fife."
        ),
        "about_body": (
            "Stages on this site follow Northern Ireland's foundation stage and key stages, so "
            "teachers can find offers for their class at a glance.",
            "The directory on this site starts with offers in Northern Ireland. You can widen "
            "any search to the whole of the UK.",
        ),
        "footer": (
            "The Arts Backpack in Northern Ireland: at least five quality cultural experiences "
            "a year for every primary-school child."
        ),
    },
}


def programme_privacy_notice():
    return (
        StandardPage.objects.filter(slug="privacy", locale__language_code="en", depth=3)
        .order_by("pk")
        .first()
    )


def regional_home(key):
    """The English home page of a regional site (made by ``bootstrap``)."""
    return home_page(key)


def ensure_regional_site(key, content):
    english = Locale.objects.get(language_code="en")
    home = dress_home_page(
        regional_home(key),
        get_or_create_demo_image(
            f"Abstract shapes in bright colours ({content['site_name']})", seed=len(key)
        ),
        hero_heading=content["hero_heading"],
        hero_text=content["hero_text"],
        listing_summary=content["listing_summary"],
    )
    site = site_for_region(REGIONS_BY_KEY[key])
    about, _ = child_page(
        home,
        StandardPage,
        "about",
        title=content["about_title"],
        introduction=content["about_introduction"],
        listing_summary=content["about_introduction"],
        body=[rich_text(*content["about_body"])],
    )
    footer = Footer.objects.filter(name=content["site_name"], locale=english).first()
    if footer is None:
        footer = Footer.objects.create(
            name=content["site_name"], locale=english, text=f"<p>{content['footer']}</p>"
        )
    privacy = programme_privacy_notice()
    if privacy and not footer.links:
        # One privacy notice covers the whole programme; it lives on England's site.
        footer.links = [
            {"type": "link", "value": {"text": privacy.title, "page": privacy.pk, "url": ""}}
        ]
        footer.save()
    site_settings = SiteSettings.for_site(site)
    site_settings.tagline = site_settings.tagline or content["tagline"]
    site_settings.contact_email = site_settings.contact_email or PROGRAMME_EMAIL
    site_settings.footer = site_settings.footer or footer
    site_settings.save()
    if not site_settings.navigation_links.filter(page=about).exists():
        NavigationLink.objects.create(settings=site_settings, page=about, sort_order=10)
    return home


def load(stdout):
    homes = {key: ensure_regional_site(key, content) for key, content in REGIONAL_HOMES.items()}
    stdout.write(f"Regional sites ready: {', '.join(REGIONAL_HOMES)}.")
    return homes
