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


# The pages every regional site has in its own tree, in the words England's site uses: the
# privacy notice and the accessibility statement (linked from the footer, so they follow the
# site and the reader's language) and the families' page (the way to the showcase and to
# withdrawing consent).
SHARED_PAGES = ["families", "privacy", "accessibility"]
FOOTER_PAGES = ["privacy", "accessibility"]


def shared_page_spec(slug):
    return next(spec for spec in read_demo_data("home", "pages")["pages"] if spec["slug"] == slug)


def ensure_shared_pages(home):
    refs = {
        key: get_or_create_demo_image(image["title"], seed=image["seed"])
        for key, image in (read_demo_data("home", "pages")["images"].items())
    }
    pages = {}
    for slug in SHARED_PAGES:
        fields = dict(shared_page_spec(slug))
        fields.pop("parent")
        fields.pop("slug")
        fields["body"] = stream_blocks(fields.get("body", []), refs)
        pages[slug], _ = child_page(home, StandardPage, slug, **fields)
    return pages


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
    shared = ensure_shared_pages(home)
    footer = Footer.objects.filter(name=content["site_name"], locale=english).first()
    if footer is None:
        footer = Footer.objects.create(
            name=content["site_name"], locale=english, text=f"<p>{content['footer']}</p>"
        )
    if not footer.links:
        # The site's own notice and statement, so a reader stays on their site and, once the
        # footer and pages are translated, in their language.
        footer.links = [
            {"type": "link", "value": {"text": page.title, "page": page.pk, "url": ""}}
            for page in (shared[slug] for slug in FOOTER_PAGES)
        ]
        footer.save()
    site_settings = SiteSettings.for_site(site)
    site_settings.tagline = site_settings.tagline or content["tagline"]
    site_settings.contact_email = site_settings.contact_email or programme_email()
    site_settings.footer = site_settings.footer or footer
    site_settings.save()
    if not site_settings.navigation_links.filter(page=about).exists():
        NavigationLink.objects.create(settings=site_settings, page=about, sort_order=10)
    if not site_settings.navigation_links.filter(page=shared["families"]).exists():
        NavigationLink.objects.create(
            settings=site_settings, page=shared["families"], sort_order=30
        )
    return home


def load(stdout):
    homes = {key: ensure_regional_site(key, content) for key, content in regional_homes().items()}
    stdout.write(f"Regional sites ready: {', '.join(homes)}.")
    return homes
