"""/sitemap.xml: each regional site's pages in every language it offers, with hreflang links.

Wagtail's page sitemap has no hreflang support of its own, and Django's (``i18n`` and
``alternates`` on ``Sitemap``) only knows URLs reversed under each language prefix, not pages
that are translated separately, each with its own slug. What Django does give us is the shape
its ``sitemap.xml`` template already renders: each URL may carry ``alternates``
(``lang_code``, ``location``), written as ``<xhtml:link rel="alternate">`` under the xhtml
namespace it declares. So this subclass of Wagtail's sitemap only adds that key; the template,
the view and each page's own ``get_sitemap_urls`` (a showcase gallery lists only the works
that may be shown on the site right now) stay as they are.
"""

from itertools import islice

from django.conf import settings
from wagtail.contrib.sitemaps.sitemap_generator import Sitemap
from wagtail.models import Page

from regions.regions import page_alternates, site_languages

# Pages whose translations are looked up together: one query per batch keeps memory and the
# number of query parameters (SQLite allows a few thousand) bounded on a large site.
ALTERNATES_BATCH = 500


class SiteSitemap(Sitemap):
    # Google's "x-default": the English page, as in the <head> of every page (base.html).
    x_default = settings.LANGUAGE_CODE

    def items(self):
        """Live, public pages under the site's home page in each language the site offers.

        Wagtail lists only the descendants of the site's root page, which is the English home;
        its translations are its siblings, so without this the Welsh, Gaelic and Irish pages
        would be missing. The English tree is always listed, as Wagtail does, whatever the
        state of the home page itself.
        """
        site = self.get_wagtail_site()
        homes = [site.root_page]
        offered = site_languages(self.request) if self.request else ()
        if len(offered) > 1:
            homes += site.root_page.get_translations().filter(locale__language_code__in=offered)
        in_a_home = Page.objects.descendant_of_q(homes[0], inclusive=True)
        for home in homes[1:]:
            in_a_home |= Page.objects.descendant_of_q(home, inclusive=True)
        return (
            Page.objects.filter(in_a_home)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        # Wagtail's own loop, with each batch's translations fetched together.
        urls = []
        last_mods = set()
        pages = self.paginator.page(page).object_list.iterator()
        while batch := list(islice(pages, ALTERNATES_BATCH)):
            alternates = page_alternates(self.request, batch)
            for item in batch:
                url_infos = item.get_sitemap_urls(self.request)
                self._add_alternates(item, url_infos, alternates.get(item.pk))
                for url_info in url_infos:
                    urls.append(url_info)
                    last_mods.add(url_info.get("lastmod"))
        # last_mods might be empty if the whole site is private
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _add_alternates(self, item, url_infos, versions):
        """Give the page's own URL its language versions (not the extra URLs a page may add,
        such as a gallery's works, whose translations it does not know)."""
        if not versions:
            return
        own_url = item.get_full_url(self.request)
        links = [{"lang_code": version.code, "location": version.full_url} for version in versions]
        default = next((v.full_url for v in versions if v.code == self.x_default), None)
        if default:
            links.append({"lang_code": "x-default", "location": default})
        for url_info in url_infos:
            if url_info.get("location") == own_url:
                url_info["alternates"] = links
