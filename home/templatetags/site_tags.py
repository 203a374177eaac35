"""Template tags for the chrome around every page: navigation, breadcrumbs, languages, footer."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

from core.site_cache import remember
from home.models import SiteSettings
from regions.regions import home_translations, page_alternates, site_languages

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def _site_settings(request):
    # for_request caches the settings on the request, so every tag shares one query.
    return SiteSettings.for_request(request) if Site.find_for_request(request) else None


@register.simple_tag(takes_context=True)
def home_page(context):
    """The home page in the reader's language (falls back to the site's own home page)."""
    request = context["request"]
    site = Site.find_for_request(request)
    home = home_translations(request).get(translation.get_language())
    return home or (site.root_page if site else None)


@register.simple_tag(takes_context=True)
def site_brand(context):
    """The site's name as the reader's language says it.

    The name is a site setting, entered once; a regional site's home page carries the same
    name as its title, and editors translate that title with the page ("Arts Backpack Cymru").
    So when the home page's title is the site's name, its live translation in the reader's
    language names the site; otherwise the setting is used as entered.
    """
    request = context.get("request")
    site_settings = _site_settings(request) if request is not None else None
    name = (site_settings.site_name if site_settings else "") or "Arts Backpack"
    site = Site.find_for_request(request) if request is not None else None
    if site is None or site.root_page.title != name:
        return name
    home = home_translations(request).get(translation.get_language())
    return home.title if home is not None else name


@register.simple_tag(takes_context=True)
def primary_navigation(context):
    """Main navigation links, each followed to its translation in the reader's language.

    The links are the same for every reader of a site in a language, so they are kept in the
    site cache (core/site_cache.py), keyed by the scheme and host their URLs were built for;
    only which one is current is worked out for each page."""
    request = context["request"]
    site_settings = _site_settings(request)
    if site_settings is None:
        return []
    links = remember(
        (
            "navigation",
            site_settings.site_id,
            translation.get_language(),
            request.scheme,
            request.get_host(),
        ),
        lambda: _navigation_links(request, site_settings),
    )
    current = context.get("page")
    return [
        {
            "title": link["title"],
            "url": link["url"],
            "current": bool(
                current and (current.pk == link["pk"] or current.path.startswith(link["path"]))
            ),
            "lang": link["lang"],
        }
        for link in links
    ]


def _navigation_links(request, site_settings):
    chosen = [link.page for link in site_settings.navigation_links.select_related("page__locale")]
    if not chosen:
        return []
    locale = Locale.get_active()
    translations = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(translation_key__in=[p.translation_key for p in chosen], locale=locale)
    }
    links = []
    for page in chosen:
        shown = translations.get(page.translation_key)
        if shown is None and page.live:
            shown = page
        if shown is None:
            continue
        links.append(
            {
                "title": shown.title,
                "url": shown.get_url(request),
                "pk": shown.pk,
                "path": shown.path,
                # A page not yet translated is linked in its own language, and says so.
                "lang": shown.locale.language_code if shown.locale_id != locale.pk else None,
            }
        )
    return links


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    # Plain pages: a title and a URL are all a crumb shows, and no page type changes its URL.
    # Kept in the site cache (core/site_cache.py), which any page saved, moved or deleted drops.
    ancestors = (
        remember(
            ("breadcrumbs", page.pk),
            lambda: list(page.get_ancestors().filter(depth__gte=2).live()),
        )
        if page.pk
        else page.get_ancestors().filter(depth__gte=2).live()
    )
    return {"ancestors": ancestors, "page": page, "request": context["request"]}


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to this content in the site's other languages, for the switcher and hreflang.

    Only the site's own languages are offered (regions/regions.py). On a page, only its published
    translations on this site, chosen by ``page_alternates`` exactly as the sitemap chooses
    them; on other views (search), every language the site offers; on "not found", each
    language's home page.
    """
    request = context["request"]
    current_language = translation.get_language()
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        return [
            _language_link(request, alternate.code, alternate.url, current_language)
            for alternate in page_alternates(request, [page]).get(page.pk, [])
        ]
    offered = site_languages(request)
    if len(offered) < 2:
        return []
    # Django's "not found" view names the missing address: it exists in no language, so each
    # language's link goes to that language's home page instead.
    path = "/" if "request_path" in context else request.get_full_path()
    return [
        _language_link(request, code, translate_url(path, code), current_language)
        for code in offered
    ]


def _language_link(request, code, url, current_language):
    return {
        "code": code,
        "name": LANGUAGE_NAMES.get(code, code),
        "url": url,
        "absolute_url": request.build_absolute_uri(url),
        "current": code == current_language,
    }


@register.simple_tag(takes_context=True)
def site_footer(context):
    site_settings = _site_settings(context["request"])
    if site_settings is None or site_settings.footer is None:
        return None
    footer = site_settings.footer
    return remember(("footer", footer.pk, translation.get_language()), lambda: footer.localized)
