from wagtail import hooks

from core.bootstrap import BOOTSTRAP
from regions.sites import sync_hostnames


# Last: after the home app has made the sites. Every run, not only the first: `PORT=8080 make
# run` after a run on 8000 moves the sites (and so every absolute link) to the new port.
@hooks.register(BOOTSTRAP, order=100)
def configured_hostnames(setup):
    for region, before, after in sync_hostnames():
        setup.stdout.write(f"{region.name}: {before[0]}:{before[1]} -> {after[0]}:{after[1]}")
