"""Every public page type, in every language of every regional site, is valid HTML by the Nu
HTML Checker (issue 14).

The demo world gives one live page of each type per site and language (and every standard
page, story and gallery, an activity of each shape, and a page and a story carrying every body
block). Each is rendered with Django's test client, as are the states a page can be in (filters
applied, nothing found, bad input, a form with its errors, the mailing list's confirm and
unsubscribe answers, site search, the 404 page), and so are the open data's pages for people
(/api/ and the OpenActive dataset page). All of them are written to files and checked
in ONE run of the checker, because starting its JVM costs seconds and each page milliseconds.

The checker is ``vnu.jar`` from npm's ``vnu-jar`` package (``npm ci`` puts it in
``node_modules/``) and needs Java. Without either the test skips, unless ``CI`` or
``REQUIRE_HTML_CHECK`` is set: there a missing checker is a failure.
"""

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.db.models import Q
from django.urls import reverse
from wagtail.models import Page, Site, get_page_models

from backpack import demo_content as demo_backpack
from backpack.models import Backpack
from core.factories import SiteImageFactory
from directory.models import ActivityPage
from home import mailing_list
from home.factories import StandardPageFactory
from home.models import FormPage, StandardPage
from regions.regions import region_for_site
from showcase.models import ShowcaseIndexPage, ShowcasePage
from stories.factories import StoryPageFactory
from stories.models import StoryIndexPage, StoryPage
from tests.blocks import every_shared_block
from tests.stories.test_blocks import every_story_block

pytestmark = [pytest.mark.django_db, pytest.mark.html_check]

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Checked page by page, not only one of each (see crawl_site_language).
EVERY_PAGE_OF = (StandardPage, StoryPage, ShowcasePage)
DIRECTORY_STATES = (
    ("?q=dance", "keywords"),
    ("?art_form=music&format=comes-to-school&stage=ks2&sort=az", "filters"),
    ("?place=uk&age=8&free=on&access=wheelchair-access&date_from=2027-01-01", "more filters"),
    ("?postcode=LE1&radius=10&sort=nearest", "near a postcode"),
    ("?q=zzxqv+nothing+matches", "nothing found"),
    # Each value unusable in its own way: not a number, not a date, out of range, unknown.
    (
        "?radius=abc&age=abc&age_to=1&max_price=%C2%A35&date_from=31-31-2026&date_to=2026-02-30"
        "&place=NOPE&postcode=%3Cb%3E&stage=zz&art_form=nope&sort=%3Cb%3E",
        "bad input",
    ),
    ("?page=2", "page 2"),
    ("?page=999", "page out of range"),
)
ACTIVITY_SHAPES = {
    "dated sessions": Q(availability=ActivityPage.Availability.DATED),
    "on request": Q(availability=ActivityPage.Availability.ON_REQUEST),
    "free": Q(is_free=True),
    "priced": Q(is_free=False),
    "at a venue": ~Q(venue_postcode=""),
    "no venue": Q(venue_postcode=""),
    "booking link": ~Q(booking_url=""),
    "booking email": Q(booking_url="") & ~Q(booking_email=""),
    "enquiry to the provider": Q(booking_url="", booking_email=""),
    "with a picture": Q(image__isnull=False),
}
# A page the checker must find fault with (a space in a phone link), checked with the others.
CANARY = "canary.html"
CANARY_HTML = (
    '<!DOCTYPE html><html lang="en"><head><title>Canary</title></head>'
    '<body><main><a href="tel:0300 123 4567">Call</a></main></body></html>'
)
# Pages that are views rather than Wagtail pages, so the crawl of each site's pages misses them.
VIEW_PAGES = {
    "opendata:documentation": "open data documentation (/api/)",
    "opendata:openactive:dataset": "OpenActive dataset page",
}
PROJECT_APPS = {
    "core",
    "home",
    "directory",
    "stories",
    "showcase",
    "search",
    "regions",
    "places",
    "backpack",
    "insights",
}


def check_required():
    return bool(os.environ.get("CI") or os.environ.get("REQUIRE_HTML_CHECK"))


@pytest.fixture(scope="session")
def vnu_command():
    """The checker's command line; asked for before the demo, so a skip costs nothing."""
    java = shutil.which("java")
    problem = None
    if java is None:
        problem = "Java is not installed (apt-get install default-jre-headless)."
    elif not VNU_JAR.exists():
        problem = f"{VNU_JAR.relative_to(ROOT)} is missing (run `npm ci`)."
    if problem:
        if check_required():
            pytest.fail(f"The Nu HTML Checker cannot run: {problem}")
        pytest.skip(problem)
    return [java, "-Xss8m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


@pytest.fixture
def every_block(demo_site):
    """A standard page with every shared block and a story with every story block on England's
    site (the demo's own pages use only some), checked with the standard pages and stories."""
    home = demo_site.root_page.specific
    image = SiteImageFactory(credit="Photo: Sam Lee")
    data = b"%PDF-1.4 pilot report " * 100
    document = wagtail_factories.DocumentFactory(
        title="Pilot report", file__filename="pilot-report.pdf", file__data=data
    )
    StandardPageFactory(
        parent=home,
        title="Every block",
        slug="html-check-every-block",
        body=every_shared_block(image, document, link_url="/sign-up/"),
    )
    index = StoryIndexPage.objects.child_of(home).live().get()
    StoryPageFactory(
        parent=index,
        title="Every story block",
        slug="html-check-every-story-block",
        body=every_story_block(image, document, index),
    )


@dataclass
class Rendered:
    """One page as a reader would get it, and what it is for the failure message."""

    host: str
    path: str
    status: int
    html: str
    label: str

    @property
    def url(self):
        return f"http://{self.host}{self.path}"


@dataclass
class Crawl:
    """Requests pages through the test client and keeps every HTML answer."""

    client: object
    pages: list = field(default_factory=list)

    def get(self, host, path, label, expect=(200,), **extra):
        return self._keep(host, path, label, expect, self.client.get(path, HTTP_HOST=host, **extra))

    def post(self, host, path, data, label, expect=(200,), **extra):
        response = self.client.post(path, data, HTTP_HOST=host, **extra)
        return self._keep(host, path, f"{label} (POST)", expect, response)

    def _keep(self, host, path, label, expect, response):
        # A page in an unexpected state (a redirect, an error) would check the wrong HTML.
        assert response.status_code in expect, (label, host, path, response.status_code)
        html = response.content.decode()
        self.pages.append(Rendered(host, path, response.status_code, html, label))
        return html


def project_page_models():
    return [
        model
        for model in get_page_models()
        if model._meta.app_label in PROJECT_APPS and not model._meta.abstract
    ]


def site_languages(site):
    """(language code, path prefix) for each language the site's home page is live in, among
    those its region offers."""
    region = region_for_site(site)
    languages = region.languages if region else ("en",)
    live = set(
        Page.objects.filter(translation_key=site.root_page.translation_key, live=True).values_list(
            "locale__language_code", flat=True
        )
    )
    for code in languages:
        if code in live:
            yield code, "" if code == "en" else f"/{code}"


def pages_of_site_in(site, language):
    """The site's home page in ``language`` and {page model: its first live, public page of
    that type}."""
    root = Page.objects.get(
        translation_key=site.root_page.translation_key, locale__language_code=language
    )
    found = {}
    for model in project_page_models():
        page = (
            Page.objects.live()
            .public()
            .descendant_of(root, inclusive=True)
            .type(model)
            .exact_type(model)
            .order_by("path")
            .first()
        )
        if page is not None:
            found[model] = page.specific
    return root, found


def path_on(page, site):
    site_id, _root_url, path = page.get_url_parts()
    assert site_id == site.pk, (page, site)
    return path


def form_answers(html):
    """A valid sign-up from the form as rendered: every visible field filled, the first choice
    of each radio group, every box ticked, the honeypot left empty."""
    form = BeautifulSoup(html, "html.parser").select_one("main form[method=post]")
    answers = {}
    for field_ in form.select("input, textarea, select"):
        name, kind = field_.get("name"), field_.get("type", "text")
        if not name or name == "csrfmiddlewaretoken" or name == "website_address":
            continue
        if kind == "email":
            answers[name] = "amira@example.org"
        elif kind == "radio":
            answers.setdefault(name, field_["value"])
        elif kind == "checkbox":
            answers.setdefault(name, "on")
        elif field_.name == "select":
            answers[name] = field_.select_one("option[value]:not([value=''])")["value"]
        elif kind not in ("hidden", "submit"):
            answers[name] = "Amira"
    return answers


def crawl_site_language(crawl, site, host, language, prefix, address):
    root, pages = pages_of_site_in(site, language)
    paths = {model.__name__: path_on(page, site) for model, page in pages.items()}
    where = f"{host} {language}"
    for name, path in paths.items():
        crawl.get(host, path, f"{name} ({where})")

    # Every page of the types whose body blocks vary from page to page (the families' page,
    # privacy notice and accessibility statement among the standard pages).
    live = Page.objects.live().public().descendant_of(root)
    for model in EVERY_PAGE_OF:
        for page in live.exact_type(model).order_by("path"):
            path = path_on(page, site)
            if path not in paths.values():
                crawl.get(host, path, f"{model.__name__} {page.slug} ({where})")
    # An activity of each shape (and its provider): each shape shows other parts of the page.
    activities = ActivityPage.objects.live().public().descendant_of(root).order_by("path")
    checked = set(paths.values())
    for shape, condition in ACTIVITY_SHAPES.items():
        activity = activities.filter(condition).first()
        if activity is None:
            continue
        provider = activity.get_parent().specific
        for page, what in ((activity, f"activity, {shape}"), (provider, "its provider")):
            path = path_on(page, site)
            if path not in checked:
                checked.add(path)
                crawl.get(host, path, f"{what}: {page.slug} ({where})")

    directory = paths.get("DirectoryIndexPage")
    if directory:
        # Every state on the default site and in Welsh; the other sites differ in their
        # nation's places and school stages, which these show.
        full = site.is_default_site or language != "en"
        for query, what in DIRECTORY_STATES:
            if full or what in ("keywords", "near a postcode", "nothing found", "bad input"):
                crawl.get(host, directory + query, f"directory, {what} ({where})", (200, 400))

    form_page = pages.get(FormPage)
    if form_page is not None:
        path = paths["FormPage"]
        html = next(page.html for page in crawl.pages if page.host == host and page.path == path)
        crawl.post(host, path, {}, f"form with errors ({where})", expect=(400,))
        crawl.post(host, path, form_answers(html), f"form sent ({where})", REMOTE_ADDR=address)
        answers = {"email": f"html-check-{language}-{address}@example.org", "name": "Amira"}
        token = mailing_list.confirmation_token(form_page, answers, language)
        crawl.get(host, f"{path}?confirm={token}", f"sign-up confirmed ({where})")
        crawl.get(host, f"{path}?confirm=altered", f"bad confirm link ({where})", expect=(400,))
        unsubscribe = mailing_list.unsubscribe_token(answers["email"], language)
        crawl.get(host, f"/mailing-list/unsubscribe/{unsubscribe}/", f"unsubscribed ({where})")
        crawl.get(
            host, "/mailing-list/unsubscribe/altered/", f"bad unsubscribe ({where})", expect=(400,)
        )

    stories = paths.get("StoryIndexPage")
    if stories:
        crawl.get(host, f"{stories}?kind=case-study", f"stories, one kind ({where})")
        crawl.get(host, f"{stories}?kind=nope&year=x", f"stories, bad filter ({where})", (400,))

    showcase = pages.get(ShowcaseIndexPage)
    if showcase is not None:
        crawl.get(host, paths["ShowcaseIndexPage"] + "withdraw/", f"withdrawal form ({where})")
        crawl.post(
            host,
            paths["ShowcaseIndexPage"] + "withdraw/",
            {},
            f"withdrawal form with errors ({where})",
            expect=(400,),
        )
        crawl.get(host, paths["ShowcaseIndexPage"] + "withdraw/sent/", f"withdrawal sent ({where})")
    # Every work the site's galleries show, from the links on the galleries themselves.
    works = set()
    for page in list(crawl.pages):
        if page.label.startswith("ShowcasePage") and page.label.endswith(f"({where})"):
            links = BeautifulSoup(page.html, "html.parser").select("main a[href*='/work/']")
            works.update(urlsplit(link["href"]).path for link in links)
    for path in sorted(works):
        crawl.get(host, path, f"artwork page ({where})")

    crawl_backpack(crawl, host, prefix, where)
    crawl.get(host, f"{prefix}/search/?q=dance", f"site search, results ({where})")
    crawl.get(host, f"{prefix}/search/?q=zzxqv", f"site search, nothing found ({where})")
    crawl.get(host, f"{prefix}/search/", f"site search, no query ({where})")
    crawl.get(host, f"{prefix}/no-such-page/", f"404 ({where})", expect=(404,))
    return pages


def crawl_backpack(crawl, host, prefix, where):
    """The class backpack's pages, on the demo's Leicester class (backpack/demo_content.py)."""
    base = f"{prefix}/backpack"
    crawl.get(host, f"{base}/", f"saved activities ({where})")
    crawl.post(host, f"{base}/new/", {}, f"new backpack with errors ({where})", expect=(400,))
    backpack = Backpack.objects.get(edit_token=demo_backpack.EDIT_TOKEN)
    crawl.get(host, f"{base}/class/{backpack.edit_token}/", f"class backpack ({where})")
    crawl.get(host, f"{base}/shared/{backpack.view_token}/", f"read-only backpack ({where})")
    crawl.get(host, f"{base}/shared/{backpack.view_token}/print/", f"print view ({where})")
    if backpack.school is not None:
        crawl.get(host, f"{base}/school/{backpack.school.token}/", f"school link ({where})")
    done = backpack.experiences.filter(status="done").first()
    crawl.get(host, f"{base}/class/{backpack.edit_token}/plan/{done.pk}/done/", f"after ({where})")
    idea = backpack.experiences.filter(status="idea", activity__isnull=False).first()
    request = f"{base}/request/{idea.activity_id}/?backpack={backpack.edit_token}"
    crawl.get(host, request, f"booking request form ({where})")
    crawl.post(host, request, {}, f"booking request with errors ({where})", expect=(400,))
    crawl.get(host, f"{base}/request/sent/", f"booking request sent ({where})")


def run_checker(command, pages, folder):
    """Check every page in one run; {file name: page} and the checker's messages about them.

    A page with a known error goes first: unless the checker reports it, the run proves
    nothing (a checker that failed to start, read no file or changed its report's format)."""
    (folder / CANARY).write_text(CANARY_HTML, encoding="utf-8")
    files = {}
    for number, page in enumerate(pages):
        name = f"page-{number:04d}.html"
        (folder / name).write_text(page.html, encoding="utf-8")
        files[name] = page
    result = subprocess.run(
        [*command, str(folder / CANARY), *[str(folder / name) for name in files]],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    # The JSON report goes to stderr; exit status 1 means "errors found", anything else that
    # the checker itself failed.
    assert result.returncode in (0, 1), result.stdout + result.stderr
    messages = json.loads(result.stderr)["messages"]
    canary = [m for m in messages if file_name(m) == CANARY]
    assert any("tel:" in m.get("message", "") for m in canary), messages[:5]
    return files, [m for m in messages if file_name(m) != CANARY]


def file_name(message):
    return message.get("url", "").rsplit("/", 1)[-1]


def describe(message, files):
    page = files.get(file_name(message))
    where = f"{page.url} [{page.label}]" if page else message.get("url", "?")
    line = message.get("lastLine", "?")
    extract = " ".join((message.get("extract") or "").split())[:120]
    return f"{where} line {line}: {message.get('message')}\n      {extract}"


def test_every_page_type_in_every_language_is_valid_html(
    vnu_command, client, demo_site, every_block, tmp_path
):
    crawl = Crawl(client)
    seen_types = set()
    for number, site in enumerate(Site.objects.order_by("pk")):
        host = site.hostname
        for language, prefix in site_languages(site):
            pages = crawl_site_language(crawl, site, host, language, prefix, f"10.0.0.{number}")
            seen_types.update(pages)

    default_host = Site.objects.get(is_default_site=True).hostname
    for url_name, label in VIEW_PAGES.items():
        crawl.get(default_host, reverse(url_name), label)

    # Every page type the project defines was rendered somewhere, so a new type cannot slip
    # past the checker for want of a demo page.
    assert seen_types == set(project_page_models()), set(project_page_models()) - seen_types

    files, messages = run_checker(vnu_command, crawl.pages, tmp_path)
    errors = [describe(message, files) for message in messages]
    assert not errors, f"{len(errors)} HTML errors in {len(crawl.pages)} pages:\n" + "\n".join(
        errors
    )
