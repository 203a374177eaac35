"""Setting a site up, as steps each app registers through Wagtail's hooks.

``manage.py bootstrap`` makes what a production site needs and nothing from the demo: reference
data, the regional sites and their home pages, the apps' index pages, review workflows and
groups. ``manage.py load_demo`` runs it, then adds demo content the same way. An app adds a
step in its own ``wagtail_hooks.py``, so a new app never touches another app's code::

    @hooks.register(BOOTSTRAP, order=30)
    def directory_pages(setup):
        for site in regional_sites():
            ...
            setup.add_to_navigation(site, page, sort_order=-1)

Steps run in ``order`` (then registration order) and must be safe to run again: each makes
only what is missing and leaves what editors changed as it is. Orders used today:

- 5 core, showcase: the review workflow and reviewers group of every editorial policy, and
  the showcase's safeguarding group
- 10 places: the place tree and postcode districts
- 20 home: the regional sites and their English home pages
- 30 directory, stories, showcase: their index pages on the sites
- 80 directory: translations of the taxonomy terms
- 90 home: navigation links to the pages the steps asked for
- 100 regions: each site on its configured hostname and port

Demo content steps (``DEMO_CONTENT``) take the same ``SetUp``; ``setup.options["activities"]``
asks for that many more generated activities (benchmarks).
"""

from dataclasses import dataclass, field

from django.db import transaction
from wagtail import hooks

BOOTSTRAP = "bootstrap"
DEMO_CONTENT = "demo_content"


@dataclass
class SetUp:
    """What the steps of one run share: where to report, the command's options, and the pages
    to link from a site's navigation (the home app owns navigation; other apps ask for it)."""

    stdout: object
    options: dict = field(default_factory=dict)
    navigation: list = field(default_factory=list)  # (site, page, sort_order)

    def add_to_navigation(self, site, page, sort_order):
        self.navigation.append((site, page, sort_order))


def run_steps(hook_name, setup):
    # Each step is one transaction: a step that fails leaves nothing half made, and what waits
    # for a commit (search indexing, the open-data change log) runs once per step rather than
    # once per page saved (SQLite also writes each transaction to disk once, not each row).
    for step in hooks.get_hooks(hook_name):
        with transaction.atomic():
            step(setup)
    return setup


def ensure_child_page(parent, model, **fields):
    """The first ``model`` page under ``parent``, created and published if there is none;
    and whether it was created."""
    existing = model.objects.child_of(parent).first()
    if existing is not None:
        return existing, False
    page = model(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True
