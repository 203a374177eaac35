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


def _place(activity):
    if not activity.venue_name:
        return {"@type": "Place", "name": ", ".join(p.name for p in activity.places.all())}
    return {
        "@type": "Place",
        "name": activity.venue_name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": activity.venue_address,
            "postalCode": activity.venue_postcode,
            "addressCountry": "GB",
        },
    }


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
        "inLanguage": [language.slug for language in activity.delivery_languages.all()],
        "typicalAgeRange": f"{activity.age_min}-{activity.age_max}",
        "offers": _offer(activity, url),
    }
    if provider:
        common["organizer" if sessions else "provider"] = organization(provider, request)
    if sessions:
        return [
            {
                "@context": "https://schema.org",
                "@type": "Event",
                **common,
                "startDate": session.start.isoformat(),
                **({"endDate": session.end.isoformat()} if session.end else {}),
                "eventStatus": "https://schema.org/EventScheduled",
                "location": _place(activity),
            }
            for session in sessions
        ]
    return {"@context": "https://schema.org", "@type": "Course", **common}
