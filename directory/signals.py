"""Keep the search index in step with what was published.

Wagtail indexes a page when it is saved, before the publish step has written its tags and
inline children (sessions), so those reach the index one publish late. Re-indexing once the
page is published fixes that.

When a provider is published, its activities that chose one of its venues get their copy of
the venue refreshed (``refresh_venue_copies``): the search, page and structured data read the
activity's own fields, so they must follow the venue.

(The review workflow and providers' editing rights follow translations by the site's one
editorial rule, core/editorial.py.)
"""

from wagtail.search import index
from wagtail.signals import page_published, page_unpublished


def reindex_published_page(sender, instance, **kwargs):
    index.insert_or_update_object(instance.specific)


def remove_unpublished_page(sender, instance, **kwargs):
    # Searches filter on ``live`` anyway; removing the entry keeps the index honest too.
    index.remove_object(instance.specific)


def refresh_venue_copies(sender, instance, **kwargs):
    """Bring the venue copies of the published provider's activities up to date.

    An activity follows the venue with its key in its own provider page (same language), so a
    provider's translation moves its activities when it is synced and published, as every
    other synchronised field of the provider does. A venue removed from the provider in every
    language leaves its activities their last copy and no venue chosen, so they stay listed
    where they were until an editor chooses another venue or edits the address; the activity
    editor says so. The live rows are updated in place (no new revision, no review): the
    change was reviewed when the provider was published.
    """
    from directory.models import ActivityPage, ProviderPage, ProviderVenue
    from directory.models.venues import COPIED, LOCATION_FIELDS, apply_venue

    provider = instance.specific
    family = list(ProviderPage.objects.filter(translation_key=provider.translation_key))
    known_keys = set(
        ProviderVenue.objects.filter(provider__in=family).values_list("key", flat=True)
    )
    venues = {venue.key: venue for venue in ProviderVenue.objects.filter(provider=provider)}
    for page in family:
        for activity in ActivityPage.objects.child_of(page).filter(venue_key__isnull=False):
            values = {}
            if activity.venue_key not in known_keys:
                activity.venue_key = None
                values["venue_key"] = None
            elif page.pk == provider.pk and activity.venue_key in venues:
                changed = apply_venue(activity, venues[activity.venue_key])
                values.update({name: getattr(activity, name) for name in changed})
            if not values:
                continue
            ActivityPage.objects.filter(pk=activity.pk).update(**values)
            if activity.live and set(values) & {*COPIED, *LOCATION_FIELDS}:
                index.insert_or_update_object(activity)


def connect():
    from directory.models import ActivityPage, ProviderPage

    page_published.connect(
        refresh_venue_copies, sender=ProviderPage, dispatch_uid="refresh-venue-copies"
    )

    for model in (ActivityPage, ProviderPage):
        page_published.connect(
            reindex_published_page, sender=model, dispatch_uid=f"reindex-{model.__name__}"
        )
        page_unpublished.connect(
            remove_unpublished_page, sender=model, dispatch_uid=f"unindex-{model.__name__}"
        )
