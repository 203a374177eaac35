"""Demo content for the three regional sites beside England's: each gets its own home page,
Site, settings, an "about" page and a footer, in English. Their Welsh, Gaelic and Irish versions
are made through wagtail-localize afterwards (home/demo_translations.py), as editors would.
The words are data (home/demo/regions.toml), written in our own words from ../shared/seeds.
Safe to run again.
"""

from wagtail.models import Locale

from core.demo_data import read_demo_data, stream_blocks
from core.demo_images import get_or_create_demo_image
from home.bootstrap import home_page
from home.demo_content import child_page, dress_home_page, programme_email
from home.models import Footer, NavigationLink, SiteSettings, StandardPage
from regions.regions import REGIONS_BY_KEY
from regions.sites import site_for_region


def regional_homes():
    return read_demo_data("home", "regions")["regions"]


def programme_privacy_notice():
    return (
        StandardPage.objects.filter(slug="privacy", locale__language_code="en", depth=3)
        .order_by("pk")
        .first()
    )


def regional_privacy_notice(home):
    """The site's own copy of the programme's privacy notice. One notice covers the whole
    programme, but a reader on the Wales site in Welsh must reach it on that site and in Welsh
    (through the page's Welsh translation), not on England's site in English; so each regional
    site holds a copy, translated with its other pages (home/demo_translations.py)."""
    source = programme_privacy_notice()
    if source is None:
        return None
    page, _created = child_page(
        home,
        StandardPage,
        source.slug,
        title=source.title,
        introduction=source.introduction,
        listing_summary=source.listing_summary,
        show_in_menus=False,
        body=[
            {"type": block.block_type, "value": block.block.get_prep_value(block.value)}
            for block in source.body
        ],
    )
    return page


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
        body=stream_blocks([{"type": "rich_text", "paragraphs": content["about_body"]}], {}),
    )
    footer = Footer.objects.filter(name=content["site_name"], locale=english).first()
    if footer is None:
        footer = Footer.objects.create(
            name=content["site_name"], locale=english, text=f"<p>{content['footer']}</p>"
        )
    privacy = regional_privacy_notice(home)
    if privacy and not footer.links:
        footer.links = [
            {"type": "link", "value": {"text": privacy.title, "page": privacy.pk, "url": ""}}
        ]
        footer.save()
    site_settings = SiteSettings.for_site(site)
    site_settings.tagline = site_settings.tagline or content["tagline"]
    site_settings.contact_email = site_settings.contact_email or programme_email()
    site_settings.footer = site_settings.footer or footer
    site_settings.save()
    if not site_settings.navigation_links.filter(page=about).exists():
        NavigationLink.objects.create(settings=site_settings, page=about, sort_order=10)
    return home


def load(stdout):
    homes = {key: ensure_regional_site(key, content) for key, content in regional_homes().items()}
    stdout.write(f"Regional sites ready: {', '.join(homes)}.")
    return homes
