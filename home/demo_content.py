"""Demo content for the site-wide pages: the home page, the programme pages, the mailing-list
form, navigation and footer. The words are data (home/demo/pages.toml), written in our own words
from the programme's published background (../shared/seeds); pages are made by the home app's
factories, as in the tests. Safe to run again: anything already present is left as it is.

The privacy notice and the accessibility statement are demo content, not ``bootstrap`` steps,
on purpose. Both are statements the operator makes in its own name: who to contact, what it has
tested and when, how it keeps data. A production site that bootstrap gave a ready-made
statement would publish claims nobody there had checked, dated the day the command ran. So
production editors write their own (a ``StandardPage`` linked from the footer); the demo shows
what a complete one looks like, in every site's languages.
"""

from django.db import transaction
from wagtail.models import Site

from core.demo_data import read_demo_data, stream_blocks
from core.demo_images import get_or_create_demo_image
from core.factories import publish
from home.bootstrap import home_page
from home.factories import PublishedFormPageFactory, PublishedStandardPageFactory
from home.models import Footer, FormField, FormPage, NavigationLink, SiteSettings, StandardPage

FACTORIES = {StandardPage: PublishedStandardPageFactory, FormPage: PublishedFormPageFactory}


def demo():
    return read_demo_data("home", "pages")


def child_page(parent, model, slug, **fields):
    """The child of ``parent`` with this slug, created and published if it is missing."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing is not None:
        return existing, False
    return FACTORIES[model](parent=parent, slug=slug, **fields), True


def dress_home_page(home, hero_image, **fields):
    """Give a home page that ``bootstrap`` made (hero heading only) the demo's words and
    picture; one an editor has written is left as it is."""
    if home.hero_image_id is None and not home.hero_text:
        for name, value in fields.items():
            setattr(home, name, value)
        home.hero_image = hero_image
        home.hero_image_alt = ""
        publish(home)
    return home


def demo_image(key):
    image = demo()["images"][key]
    return get_or_create_demo_image(image["title"], seed=image["seed"])


def ensure_home_page(stdout):
    """England's home page (made by ``bootstrap``), with the demo's words and picture."""
    words = dict(demo()["home"])
    return dress_home_page(home_page("england"), demo_image(words.pop("hero_image")), **words)


def load_pages(home):
    """The programme and audience pages, by slug."""
    pages = {"home": home}
    refs = {key: demo_image(key) for key in demo()["images"]}
    for spec in demo()["pages"]:
        fields = dict(spec)
        parent = pages[fields.pop("parent")]
        slug = fields.pop("slug")
        fields["body"] = stream_blocks(fields.get("body", []), {**refs, **pages})
        pages[slug], _ = child_page(parent, StandardPage, slug, **fields)
    return pages


def load_sign_up_form(home, privacy):
    spec = dict(demo()["sign_up"])
    fields = spec.pop("fields")
    spec["introduction"] = spec["introduction"].replace("{privacy}", str(privacy.pk))
    form_page, created = child_page(
        home, FormPage, spec.pop("slug"), to_address="", from_address="", **spec
    )
    if created or not form_page.form_fields.exists():
        for order, field in enumerate(fields):
            FormField.objects.create(
                page=form_page,
                sort_order=order,
                label=field["label"],
                field_type=field["field_type"],
                required=True,
                choices="\n".join(field.get("choices", [])),
                clean_name=field["clean_name"],
            )
        publish(form_page)
    return form_page


def sign_up_roles():
    """The roles the sign-up form offers."""
    fields = demo()["sign_up"]["fields"]
    return next(field["choices"] for field in fields if field.get("choices"))


def programme_email():
    return demo()["programme_email"]


def load_site_chrome(home, navigation, footer_links):
    words = demo()["site"]
    site = Site.objects.get(root_page=home)
    footer = Footer.objects.filter(name="Main footer", locale=home.locale).first()
    if footer is None:
        footer = Footer.objects.create(
            name="Main footer",
            locale=home.locale,
            text=f"<p>{words['footer']}</p>",
            links=[
                {"type": "link", "value": {"text": page.title, "page": page.pk, "url": ""}}
                for page in footer_links
            ],
        )
    settings = SiteSettings.for_site(site)
    settings.site_name = settings.site_name or words["site_name"]
    settings.tagline = settings.tagline or words["tagline"]
    settings.contact_email = settings.contact_email or programme_email()
    settings.footer = settings.footer or footer
    settings.save()
    # Ten apart, so the index pages bootstrap links (directory -1, stories 5, showcase 50) fall
    # in their places between them.
    if not settings.navigation_links.filter(page__in=navigation).exists():
        for order, page in enumerate(navigation):
            NavigationLink.objects.create(settings=settings, page=page, sort_order=order * 10)


def entry_points(pages):
    return [
        {
            "type": "entry_point",
            "value": {
                "audience": entry["audience"],
                "text": entry["text"],
                "link": {
                    "text": f"{entry['audience']}: start here",
                    "page": pages[entry["page"]].pk,
                    "url": "",
                },
            },
        }
        for entry in demo()["entry_points"]
    ]


@transaction.atomic
def load(stdout, **options):
    home = ensure_home_page(stdout)
    pages = load_pages(home)
    pages["sign-up"] = load_sign_up_form(home, pages["privacy"])
    if not home.entry_points:
        home.entry_points = entry_points(pages)
        publish(home)
    words = demo()["site"]
    load_site_chrome(
        home,
        navigation=[pages[slug] for slug in words["navigation"]],
        footer_links=[pages[slug] for slug in words["footer_links"]],
    )
    from home import demo_regions

    demo_regions.load(stdout)
    return home
