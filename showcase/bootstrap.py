"""The showcase's part of ``manage.py bootstrap`` (core/bootstrap.py): the safeguarding
reviewers group, and the showcase index on England's site, linked from its navigation."""

from django.contrib.auth.models import Group, Permission

from core.bootstrap import ensure_child_page
from regions.regions import REGIONS_BY_KEY
from regions.sites import site_for_region
from showcase.models import ShowcaseIndexPage

REVIEWERS = "Safeguarding reviewers"
EDITORS = "Editors"
# What editors may do with children's work: prepare works and record consent, never approve.
EDITOR_PERMISSIONS = [
    "add_artwork",
    "change_artwork",
    "view_artwork",
    "add_child",
    "change_child",
    "view_child",
    "add_consentrecord",
    "view_consentrecord",
]

SHOWCASE_INDEX = {
    "title": "Children's work",
    "slug": "showcase",
    "introduction": (
        "Paintings, drawings, collages and songs made by children taking part in the "
        "Arts Backpack, with what they told us about them."
    ),
    "listing_summary": "See what children have made through the programme.",
}


# What only the safeguarding team may do: read families' withdrawal requests and record what
# was done. Editors never see them (they hold families' contact details).
REVIEWER_PERMISSIONS = ["view_withdrawalrequest", "change_withdrawalrequest"]


def programme_site():
    return site_for_region(REGIONS_BY_KEY["england"])


def ensure_safeguarding_groups(setup):
    """The only people (with superusers) who may approve a child's work for publication (made
    by showcase's migration 0002 on a new database; made again here if it was deleted)."""
    granted = list(
        Permission.objects.filter(
            content_type__app_label="showcase", codename__in=EDITOR_PERMISSIONS
        )
    )
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    reviewers.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="showcase", codename="review_artwork"),
        *Permission.objects.filter(
            content_type__app_label="showcase", codename__in=REVIEWER_PERMISSIONS
        ),
        *granted,
    )
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.add(*granted)


def ensure_showcase_index(setup):
    site = programme_site()
    if site is None:
        return
    index, created = ensure_child_page(site.root_page, ShowcaseIndexPage, **SHOWCASE_INDEX)
    if created:
        setup.add_to_navigation(site, index, sort_order=50)
