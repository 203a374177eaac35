"""The stories' part of ``manage.py bootstrap`` (core/bootstrap.py): the stories index on
England's site (the programme's main site), under review, linked from its navigation."""

from core.bootstrap import ensure_child_page
from regions.regions import REGIONS_BY_KEY
from regions.sites import site_for_region
from stories.models import StoryIndexPage
from stories.workflow import set_up_story_review

STORY_INDEX = {
    "title": "Stories",
    "slug": "stories",
    "introduction": (
        "Pilot stories, case studies and the case for the programme: what happens when "
        "children, schools and local culture meet, in the words of the people involved."
    ),
    "listing_summary": "Pilots, case studies and advocacy from the Arts Backpack.",
}


def programme_site():
    return site_for_region(REGIONS_BY_KEY["england"])


def ensure_story_index(setup):
    site = programme_site()
    if site is None:
        return
    index, created = ensure_child_page(site.root_page, StoryIndexPage, **STORY_INDEX)
    if created:
        set_up_story_review(index)
        # Between the programme's "About" page (0) and "For teachers" (10).
        setup.add_to_navigation(site, index, sort_order=5)
