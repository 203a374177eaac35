"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Nothing downloads a browser. On a machine without /usr/bin/chromium the tests skip, except
where CI or REQUIRE_BROWSER_TESTS is set: there a missing browser is a failure.
"""

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import load_demo

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium phones home (updates, sync, field trials) on start.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def browser_required():
    return bool(os.environ.get("CI") or os.environ.get("REQUIRE_BROWSER_TESTS"))


@pytest.fixture(scope="session")
def browser(migrated_rows):
    # Playwright's sync API keeps an event loop on the main thread; Django's ORM refuses to run
    # on a thread with a loop unless told that this is deliberate (browser tests only).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    if not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)."
        if browser_required():
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


class RequestLog:
    """Every request the page makes, so a test can prove none left the live server."""

    def __init__(self, allowed_netloc):
        self.allowed_netloc = allowed_netloc
        self.urls = []
        # (request URL, path of the page that asked for it): a late lazy image from an
        # earlier page is then never mistaken for a request of the page under test.
        self.by_page = []

    def record(self, request):
        self.urls.append(request.url)
        referer = request.headers.get("referer") or ""
        self.by_page.append((request.url, urlsplit(referer).path))

    def requested_from(self, path_prefix):
        """URLs requested by pages whose path starts with `path_prefix`."""
        return [url for url, page in self.by_page if page.startswith(path_prefix)]

    def is_local(self, url):
        """The live server, under any of the regional sites' *.localhost names."""
        parts, server = urlsplit(url), urlsplit(f"//{self.allowed_netloc}")
        if parts.netloc == self.allowed_netloc:
            return True
        return (parts.hostname or "").endswith(".localhost") and parts.port == server.port

    def foreign(self):
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme in ("http", "https", "ws", "wss") and not self.is_local(url)
        ]


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    tab = context.new_page()
    tab.request_log = RequestLog(urlsplit(live_server.url).netloc)
    tab.on("request", tab.request_log.record)

    # Stop anything that tries to leave the machine; the log still records the attempt.
    def block_foreign(route):
        if tab.request_log.is_local(route.request.url):
            route.continue_()
        else:
            route.abort()

    tab.route("**/*", block_foreign)
    # Any Content-Security-Policy violation on a page a test visits fails that test.
    csp_violations = []

    def record_csp_violation(message):
        if "Content Security Policy" in message.text:
            csp_violations.append(f"{tab.url}: {message.text}")

    tab.on("console", record_csp_violation)
    yield tab
    context.close()
    assert not csp_violations, "\n".join(csp_violations)


@pytest.fixture(scope="session")
def migrated_rows(django_db_setup, django_db_blocker):
    """The migrated rows (locales, root page, collections, groups, workflows) as pytest-django
    serialized them when it created the test database."""
    from django.db import connections

    with django_db_blocker.unblock():
        return getattr(connections["default"], "_test_serialized_contents", None)


@pytest.fixture
def demo(live_server, django_db_serialized_rollback, transactional_db, migrated_rows, worlds):
    """The demo content, served by the live server.

    Each transactional test ends by flushing every table, and serialized rollback restores the
    migrated rows before the next one. Django keeps those rows on the connection object, but
    under Playwright's event loop Django hands out a different connection object, so they are
    attached to that one too (the first browser test starts from an untouched database).
    """
    from django.db import connections

    connection = connections["default"]
    if migrated_rows and not hasattr(connection, "_test_serialized_contents"):
        connection._test_serialized_contents = migrated_rows
    if worlds is not None:
        worlds.restore("demo", load_demo)
    else:
        load_demo()
    return live_server


@pytest.fixture
def axe_check():
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(tab):
        # After a form post the page can be checked before its stylesheet has applied; axe then
        # measures unstyled links (WCAG 2.5.8 target size). Wait for the load event first.
        tab.wait_for_load_state("load")
        results = axe.run(
            tab,
            options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
        )
        assert results.violations_count == 0, f"{tab.url}\n{results.generate_report()}"

    return check


# The two widths every page is judged at: a common phone and a common laptop.
WIDTHS = {390: 844, 1280: 900}

# Scrolls through the page so lazy pictures load, and waits for them and for the web fonts, so
# a full-page screenshot shows what a reader sees rather than empty picture boxes.
SETTLE = """async () => {
  const step = Math.max(window.innerHeight / 2, 200);
  for (let y = 0; y < document.body.scrollHeight; y += step) {
    window.scrollTo(0, y);
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  await Promise.all([...document.images].map((img) => img.decode().catch(() => null)));
  await document.fonts.ready;
  window.scrollTo(0, 0);
}"""


@pytest.fixture
def screenshots(tmp_path_factory):
    """Saves full-page screenshots for a person to judge: under the run's temporary folder, or
    ``$SCREENSHOTS_DIR``. Call it with the page and a name (``home-390``)."""
    folder = os.environ.get("SCREENSHOTS_DIR")
    folder = Path(folder) if folder else tmp_path_factory.getbasetemp() / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)

    def save(tab, name):
        tab.evaluate(SETTLE)
        path = folder / f"{name}.png"
        tab.screenshot(path=path, full_page=True)
        return path

    save.folder = folder
    return save
