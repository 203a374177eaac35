"""A site's nation comes from one module, places/nations.py, which follows the site's region
setting: every region serves a nation with its own school stages, and a site outside the
regions has none."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page, Site

from home.factories import HomePageFactory
from places.nations import (
    NATION_OF_REGION,
    nation_code_for_region,
    nation_code_for_request,
    nation_code_for_site,
)
from places.stages import STAGES_BY_NATION
from regions.models import RegionSettings
from regions.regions import REGIONS

pytestmark = pytest.mark.django_db


def test_every_region_serves_a_nation_that_names_its_stages():
    assert set(NATION_OF_REGION) == {region.key for region in REGIONS}
    for region in REGIONS:
        assert nation_code_for_region(region) in STAGES_BY_NATION
    assert nation_code_for_region(None) is None


def test_a_sites_nation_follows_its_region_setting(english):
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="nations-home", locale=english)
    site = Site.objects.create(hostname="somewhere.localhost", port=80, root_page=home)
    request = RequestFactory().get("/", HTTP_HOST="somewhere.localhost")
    assert nation_code_for_site(site) is None
    assert nation_code_for_request(request) is None

    setting = RegionSettings.for_site(site)
    setting.region = "scotland"
    setting.save()
    assert nation_code_for_site(site) == "GB-SCT"
    request = RequestFactory().get("/", HTTP_HOST="somewhere.localhost")
    assert nation_code_for_request(request) == "GB-SCT"


def test_no_site_means_no_nation():
    Site.objects.all().delete()
    assert nation_code_for_site(None) is None
    assert nation_code_for_request(RequestFactory().get("/", HTTP_HOST="nowhere.example")) is None
