"""On the regional sites the API covers the UK-wide directory in every language, as the
directory page does: each activity once, in the language asked for where translated, else in
the language it exists in; the same total in every language and from every site."""

import pytest
from wagtail.models import Site

from core.factories import publish_translation
from directory.factories import ActivityPageFactory, ProviderPageFactory
from tests.directory.test_every_language import HOSTS, _regional_site, _set_region
from tests.opendata.conftest import get

pytestmark = pytest.mark.django_db


@pytest.fixture
def regions(directory_page):
    _set_region(Site.objects.get(root_page=directory_page.get_parent()), "england")
    directories = {region: _regional_site(region) for region in HOSTS}
    directories["england"] = directory_page
    activities = {}
    for region, art_form in (("england", "music"), ("wales", "dance"), ("scotland", "music")):
        provider = ProviderPageFactory(parent=directories[region], slug=f"{region}-provider")
        activities[region] = ActivityPageFactory(
            parent=provider, title=f"{region.title()} activity", art_forms=[art_form]
        )
    publish_translation(activities["wales"], "cy", title="Gweithgaredd Cymru", slug="gweithgaredd")
    publish_translation(activities["scotland"], "gd", title="Gnìomh Alba", slug="gniomh")
    return activities


@pytest.mark.parametrize("host", ["localhost", "wales.localhost", "scotland.localhost"])
@pytest.mark.parametrize("language", ["en", "cy", "gd", "ga"])
def test_every_language_finds_every_activity_once(client, regions, host, language):
    body = client.get(
        "/api/openreferral/services", {"lang": language, "per_page": 100}, HTTP_HOST=host
    ).json()
    names = {service["id"]: service["name"] for service in body["contents"]}
    assert body["total_items"] == len(regions) == len(names)
    assert set(names) == {str(activity.translation_key) for activity in regions.values()}
    wales = names[str(regions["wales"].translation_key)]
    scotland = names[str(regions["scotland"].translation_key)]
    assert wales == ("Gweithgaredd Cymru" if language == "cy" else "Wales activity")
    assert scotland == ("Gnìomh Alba" if language == "gd" else "Scotland activity")


def test_the_count_is_the_uk_wide_directory_pages(client, regions, directory_page):
    """A regional directory page may start from its own nation; asked for the whole UK it
    counts what the API lists (the API has no place filter)."""
    page = client.get(directory_page.url, {"place": "uk"})
    assert page.context["results"].total == get(client, "services").json()["total_items"] == 3
