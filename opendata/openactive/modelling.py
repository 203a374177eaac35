"""Activities and providers as OpenActive opportunity data (Modelling Opportunity Data 2.0).

An activity is a ``SessionSeries``: the directory's activities are offers a school books for
its class, often again and again, not single events, and the model has no notion of a course
that runs over fixed weeks (which OpenActive would call a ``CourseInstance``). Its dated
sessions are ``ScheduledSession``s in ``subEvent``; an activity "on request" has none.

Art forms and access features are concepts of the directory's own SKOS schemes, served
beside the feeds (OpenActive's activity list covers sport, and its accessibility list the
physical-activity sector), identified by their slug, which is the same in every language.

Everything here is built without a request: the data is rendered when a page changes and
stored in the feed's change log (opendata/openactive/models.py).
"""

from django.urls import reverse
from django.utils.html import strip_tags

from directory import structured_data
from directory.structured_data import LANGUAGE_TAGS

CONTEXT = ["https://openactive.io/", "https://openactive.io/ns-beta"]
ATTENDANCE = "https://schema.org/{}EventAttendanceMode"
ONLINE = "online"
HYBRID = "hybrid"

# The concept schemes this module refers to: (URL name, what its concepts are).
ART_FORMS = "art-forms"
ACCESS_FEATURES = "access-features"


def scheme_url(root_url, scheme):
    return root_url + reverse(f"opendata:openactive:{scheme}")


def concept(root_url, scheme, term):
    """A term of one of the directory's taxonomies as a concept of its scheme."""
    base = scheme_url(root_url, scheme)
    return {
        "@type": "Concept",
        "@id": f"{base}#{term.slug}",
        "prefLabel": term.name,
        "inScheme": base,
    }


def page_urls(page):
    """(the site's root URL, the page's full URL), or (None, None) for a page no site serves."""
    parts = page.get_url_parts()
    if parts is None:
        return None, None
    _site_id, root_url, page_path = parts
    return root_url, root_url + page_path


def organization(provider):
    """A provider as the organiser of its activities and as an item of the providers feed."""
    _root, url = page_urls(provider)
    data = {
        "@type": "Organization",
        "@id": url,
        "identifier": str(provider.translation_key),
        "name": provider.title,
        "url": url,
    }
    if provider.contact_email:
        data["email"] = provider.contact_email
    if provider.contact_phone:
        data["telephone"] = provider.contact_phone
    links = [link for link in [provider.website, *provider.social_link_list] if link]
    if links:
        data["sameAs"] = links
    return data


def provider_data(provider):
    data = {"@context": CONTEXT, **organization(provider)}
    description = strip_tags(provider.description or "").strip()
    if description:
        data["description"] = description
    data["inLanguage"] = provider.locale.language_code
    return data


def _place(activity):
    """The activity's venue, or the areas it is offered in when it has none (it comes to the
    school). The position is the centre of the venue's postcode district, never the exact
    address's, since that is all the directory records."""
    if not (activity.venue_name or activity.venue_postcode):
        areas = ", ".join(place.name for place in activity.places.all())
        return {
            "@type": "Place",
            "name": areas,
            "address": {"@type": "PostalAddress", "addressCountry": "GB"},
        }
    # A home address gives the district only (geo below is already the district's centre).
    postal_address = structured_data.postal_address(activity)
    place = {
        "@type": "Place",
        "name": activity.venue_name or postal_address["postalCode"],
        "address": postal_address,
    }
    if activity.latitude is not None and activity.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": activity.latitude,
            "longitude": activity.longitude,
        }
    return place


def _attendance(activity, url):
    """(attendance mode, location): online only, in person, or both."""
    formats = {format.slug for format in activity.formats.all()}
    if formats == {ONLINE}:
        return ATTENDANCE.format("Online"), None
    if formats & {ONLINE, HYBRID}:
        return ATTENDANCE.format("Mixed"), _place(activity)
    return ATTENDANCE.format("Offline"), _place(activity)


def _offer(activity, url):
    offer = {
        "@type": "Offer",
        "@id": f"{url}#offer",
        "identifier": "offer",
        "priceCurrency": "GBP",
        "url": activity.booking_url or url,
    }
    if activity.is_free:
        offer["price"] = 0
    elif activity.price is not None:
        offer["price"] = float(activity.price)
    if activity.price_unit:
        offer["name"] = str(activity.get_price_unit_display())
    return offer


def _session(session, url):
    stamp = session.start.strftime("%Y%m%dT%H%M%SZ")
    data = {
        "@type": "ScheduledSession",
        "@id": f"{url}#session-{stamp}",
        "identifier": stamp,
        "startDate": session.start.isoformat(),
    }
    if session.end:
        data["endDate"] = session.end.isoformat()
    if session.places_left is not None:
        data["remainingAttendeeCapacity"] = session.places_left
    return data


def activity_data(activity, provider):
    """``activity`` (with its terms, places and sessions prefetched) as a SessionSeries."""
    root_url, url = page_urls(activity)
    attendance_mode, location = _attendance(activity, url)
    languages = [LANGUAGE_TAGS.get(language.slug) for language in activity.delivery_languages.all()]
    data = {
        "@context": CONTEXT,
        "@type": "SessionSeries",
        "@id": url,
        "identifier": str(activity.translation_key),
        "name": activity.title,
        "description": activity.summary,
        "url": url,
        "activity": [concept(root_url, ART_FORMS, term) for term in activity.art_forms.all()],
        "ageRange": {
            "@type": "QuantitativeValue",
            "minValue": activity.age_min,
            "maxValue": activity.age_max,
        },
        "offers": [_offer(activity, url)],
        "eventAttendanceMode": attendance_mode,
        "accessibilitySupport": [
            concept(root_url, ACCESS_FEATURES, term) for term in activity.access_features.all()
        ],
        "inLanguage": list(dict.fromkeys(tag for tag in languages if tag)),
    }
    if location is not None:
        data["location"] = location
    if provider is not None:
        data["organizer"] = organization(provider)
    sessions = sorted(activity.sessions.all(), key=lambda session: session.start)
    if sessions:
        data["subEvent"] = [_session(session, url) for session in sessions]
    return data
