"""Which of the UK's nations a site, or the site serving a request, is for.

The one place that answers it: the directory's starting place, the names of school stages and
the demo content all ask here, never the region setting itself. A regional site serves its
region's nation; a site outside the regions has none (callers then search every nation and
name stages the English way).

Nations are named by their place codes (ISO 3166-2), the codes at the top of the place tree.
"""

from regions.regions import region_for_request, region_for_site

ENGLAND = "GB-ENG"
WALES = "GB-WLS"
SCOTLAND = "GB-SCT"
NORTHERN_IRELAND = "GB-NIR"

# Region key (regions/regions.py) -> the nation it serves.
NATION_OF_REGION = {
    "england": ENGLAND,
    "wales": WALES,
    "scotland": SCOTLAND,
    "northern-ireland": NORTHERN_IRELAND,
}


def nation_code_for_region(region):
    return NATION_OF_REGION.get(region.key) if region is not None else None


def nation_code_for_site(site):
    """The nation of a regional ``Site`` (None outside the regions)."""
    return nation_code_for_region(region_for_site(site))


def nation_code_for_request(request):
    """The nation of the request's regional site (None outside the regions)."""
    return nation_code_for_region(region_for_request(request))
