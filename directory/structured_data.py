"""Schema.org descriptions of providers and activities, for search engines and other tools."""


def organization(provider, request):
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": provider.title,
        "url": provider.get_full_url(request),
    }
    if provider.contact_email:
        data["email"] = provider.contact_email
    if provider.contact_phone:
        data["telephone"] = provider.contact_phone
    if provider.website:
        data["sameAs"] = [provider.website, *provider.social_link_list]
    return data


# Delivery languages as BCP 47 tags, which schema.org's inLanguage expects. "Bilingual" names
# no second language, so it adds nothing here.
LANGUAGE_TAGS = {"english": "en", "welsh": "cy", "scottish-gaelic": "gd", "irish": "ga"}
ATTENDANCE = "https://schema.org/{}EventAttendanceMode"


def _languages(activity):
    tags = [LANGUAGE_TAGS.get(language.slug) for language in activity.delivery_languages.all()]
    return list(dict.fromkeys(tag for tag in tags if tag))


def _attendance(activity, url):
    """(attendance mode, location) of an activity's events: online, in person or both."""
    formats = {format.slug for format in activity.formats.all()}
    online = {"@type": "VirtualLocation", "url": activity.booking_url or url}
    if formats == {"online"}:
        return ATTENDANCE.format("Online"), online
    if "hybrid" in formats or "online" in formats:
        return ATTENDANCE.format("Mixed"), [_place(activity), online]
    return ATTENDANCE.format("Offline"), _place(activity)


def _place(activity):
    if not activity.venue_name:
        return {"@type": "Place", "name": ", ".join(p.name for p in activity.places.all())}
    return {"@type": "Place", "name": activity.venue_name, "address": postal_address(activity)}


def postal_address(activity):
    """The activity's venue as a schema.org PostalAddress, as published: a home address (the
    venue's "hide exact address") gives only its postcode district, no street. Shared by the
    page's JSON-LD and the OpenActive feed."""
    address = activity.published_venue_address
    postal = {"@type": "PostalAddress", "postalCode": address.postcode, "addressCountry": "GB"}
    if not address.district_only:
        postal = {"@type": "PostalAddress", "streetAddress": address.street, **postal}
    return postal


def _offer(activity, url):
    offer = {"@type": "Offer", "url": activity.booking_url or url, "priceCurrency": "GBP"}
    offer["price"] = "0" if activity.is_free else (str(activity.price) if activity.price else None)
    return {key: value for key, value in offer.items() if value is not None}


def activity(activity, provider, sessions, request):
    """An Event for each dated session, otherwise a Course (offered on request)."""
    url = activity.get_full_url(request)
    common = {
        "name": activity.title,
        "description": activity.summary,
        "url": url,
        "inLanguage": _languages(activity),
        "typicalAgeRange": f"{activity.age_min}-{activity.age_max}",
        "offers": _offer(activity, url),
    }
    if provider:
        common["organizer" if sessions else "provider"] = organization(provider, request)
    if sessions:
        attendance_mode, location = _attendance(activity, url)
        return [
            {
                "@context": "https://schema.org",
                "@type": "Event",
                **common,
                "startDate": session.start.isoformat(),
                **({"endDate": session.end.isoformat()} if session.end else {}),
                "eventStatus": "https://schema.org/EventScheduled",
                "eventAttendanceMode": attendance_mode,
                "location": location,
            }
            for session in sessions
        ]
    return {"@context": "https://schema.org", "@type": "Course", **common}
