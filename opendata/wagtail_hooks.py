"""Set-up steps of the open-data app (core/bootstrap.py)."""

from wagtail import hooks

from core.bootstrap import BOOTSTRAP, DEMO_CONTENT
from opendata.openactive import records


@hooks.register(BOOTSTRAP, order=110)
def openactive_feeds(setup):
    """An existing site's pages enter the feeds the first time it is set up after them."""
    records.rebuild(stdout=setup.stdout)


@hooks.register(DEMO_CONTENT, order=95)
def openactive_demo_feeds(setup):
    """After the demo content, including the bulk-loaded activities, which had no signals."""
    records.rebuild(stdout=setup.stdout)
