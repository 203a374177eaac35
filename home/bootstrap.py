"""The home app's part of ``manage.py bootstrap`` (core/bootstrap.py): each region's Site with
its English home page, and the navigation links other apps' steps ask for."""

from wagtail.models import Locale, Page

from home.models import HomePage, NavigationLink, SiteSettings
from regions.regions import REGIONS
from regions.sites import ensure_site, site_for_region

# Region key -> (home page slug, site name, hero heading). Editors write the rest.
HOMES = {
    "england": (
        "home",
        "Arts Backpack",
        "Five cultural experiences a year for every primary-school child",
    ),
    "wales": (
        "home-wales",
        "Arts Backpack Wales",
        "Five cultural experiences a year for every child in Wales",
    ),
    "scotland": (
        "home-scotland",
        "Arts Backpack Scotland",
        "Five cultural experiences a year for every child in Scotland",
    ),
    "northern-ireland": (
        "home-northern-ireland",
        "Arts Backpack Northern Ireland",
        "Five cultural experiences a year for every child in Northern Ireland",
    ),
}


def home_page(key):
    """The English home page of a regional site (None before bootstrap has made it)."""
    slug = HOMES[key][0]
    return HomePage.objects.filter(depth=2, slug=slug, locale__language_code="en").first()


def ensure_home_pages(setup):
    english = Locale.objects.get(language_code="en")
    for region in REGIONS:
        slug, site_name, hero_heading = HOMES[region.key]
        home = home_page(region.key)
        if home is None:
            if region.key == "england":
                # A new Wagtail database holds a placeholder "Welcome" page at the root of its
                # default Site; it goes (with that Site), and England's site takes its place.
                for placeholder in Page.objects.filter(depth=2, content_type__model="page"):
                    placeholder.delete()
            home = HomePage(title=site_name, slug=slug, locale=english, hero_heading=hero_heading)
            Page.get_first_root_node().add_child(instance=home)
            home.save_revision().publish()
            setup.stdout.write(f"Created the home page of {region.name}.")
        # A site that is new to its region takes the region's name (an editor's later choice
        # of name is kept on later runs).
        newly_regional = site_for_region(region) is None
        site = ensure_site(region, home, site_name)
        settings = SiteSettings.for_site(site)
        if newly_regional or not settings.site_name:
            settings.site_name = site_name
            settings.save()


def add_navigation_links(setup):
    for site, page, sort_order in setup.navigation:
        settings = SiteSettings.for_site(site)
        if not settings.navigation_links.filter(page=page).exists():
            NavigationLink.objects.create(settings=settings, page=page, sort_order=sort_order)
