"""The directory's part of ``manage.py bootstrap`` (core/bootstrap.py): a directory page on
every regional site, under review, linked from the site's navigation."""

from core.bootstrap import ensure_child_page
from directory.models import DirectoryIndexPage
from directory.permissions import set_up_directory_review
from regions.sites import regional_sites

DIRECTORY_PAGE = {
    "title": "Find activities",
    "slug": "activities",
    "introduction": (
        "Local arts and cultural offers for primary schools: search by place or postcode, "
        "art form, age, cost, dates and access needs, then contact the provider."
    ),
    "listing_summary": "Search the activity directory for offers near your school.",
}


def ensure_directory_pages(setup):
    for _region, site in regional_sites():
        page, created = ensure_child_page(site.root_page, DirectoryIndexPage, **DIRECTORY_PAGE)
        if created:
            set_up_directory_review(page)
            setup.add_to_navigation(site, page, sort_order=-1)
