"""The directory's stage filter, its counts and the stage labels agree, in every nation: a
teacher who filters by a stage finds exactly the activities that then show that stage."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Site

from directory.factories import ActivityPageFactory, ProviderPageFactory
from directory.models import ActivityPage
from directory.search import Filters, activity_scope, search_activities
from directory.templatetags.directory_tags import stage_labels
from places.nations import ENGLAND, NORTHERN_IRELAND, SCOTLAND, WALES
from places.stages import stages_for
from regions.models import RegionSettings

pytestmark = pytest.mark.django_db

NATIONS = {
    "england": ENGLAND,
    "wales": WALES,
    "scotland": SCOTLAND,
    "northern-ireland": NORTHERN_IRELAND,
}
AGE_GRID = [(low, high) for low in range(3, 15) for high in range(low, 15)]


@pytest.fixture(scope="module")
def age_grid(shared_directory_page):
    """One live activity for every age range from 3–3 to 14–14 (live without a revision: the
    stage filter reads only the ages)."""
    provider = ProviderPageFactory(parent=shared_directory_page, slug="every-age")
    for age_min, age_max in AGE_GRID:
        provider.add_child(
            instance=ActivityPage(
                title=f"Ages {age_min:02d} to {age_max:02d}",
                slug=f"ages-{age_min}-{age_max}",
                summary="For these ages.",
                description="<p>Details.</p>",
                age_min=age_min,
                age_max=age_max,
                is_free=True,
            )
        )
    return {
        activity.pk: activity
        for activity in ActivityPage.objects.child_of(provider).order_by("title")
    }


@pytest.mark.parametrize("nation", NATIONS.values())
def test_filter_counts_and_labels_agree_for_every_stage_and_age_range(
    directory_page, age_grid, nation
):
    scope = activity_scope(directory_page, Locale.objects.get(language_code="en"))
    everything = search_activities(scope, Filters(), nation, page_size=1000)
    for stage in stages_for(nation):
        labelled = {
            pk for pk, activity in age_grid.items() if stage.label in stage_labels(activity, nation)
        }
        results = search_activities(scope, Filters(stage=stage), nation, page_size=1000)
        found = {activity.pk for activity in results.page.object_list} & set(age_grid)
        assert found == labelled, stage.slug
        # The count beside the stage is the number the filter finds.
        assert everything.facets["stage"][stage.slug] == results.total, stage.slug
        assert results.total == len(results.page.object_list)


def set_region(directory_page, region):
    site = Site.objects.get(root_page=directory_page.get_parent())
    settings = RegionSettings.for_site(site)
    settings.region = region
    settings.save()


@pytest.mark.parametrize("region", NATIONS)
def test_every_activity_a_stage_finds_shows_that_stage_on_its_page(client, directory_page, region):
    provider = ProviderPageFactory(parent=directory_page, slug="boundaries")
    ages = [(5, 7), (7, 11), (9, 11), (8, 11), (10, 12), (4, 6), (11, 14)]
    for age_min, age_max in ages:
        ActivityPageFactory(
            parent=provider,
            title=f"Boundary {age_min} to {age_max}",
            slug=f"boundary-{age_min}-{age_max}",
            places=["GB-LCE", "GB-CRF", "GB-FIF", "GB-BFS"],
            age_min=age_min,
            age_max=age_max,
        )
    set_region(directory_page, region)
    for stage in stages_for(NATIONS[region]):
        response = client.get(directory_page.url, {"q": "boundary", "stage": stage.slug})
        html = BeautifulSoup(response.content, "html.parser")
        links = html.select(".activity-results .activity-card__title a")
        assert links, stage.slug
        for link in links:
            page = BeautifulSoup(client.get(link["href"]).content, "html.parser")
            ages_term = page.find("dt", string="Ages").find_next_sibling("dd")
            shown = [item.get_text(strip=True) for item in ages_term.select("li")]
            assert str(stage.label) in shown, (stage.slug, link.get_text())
        option = html.select_one(f"#id_stage option[value={stage.slug}]")
        assert option.get_text(strip=True).endswith(f"({len(links)})")
