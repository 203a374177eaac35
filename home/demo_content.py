"""Demo content for the site-wide pages: the home page, the programme pages, the mailing-list
form, navigation and footer. Written in our own words from the programme's published background
(../shared/seeds). Safe to run again: anything already present is left as it is.
"""

from django.db import transaction
from wagtail.models import Site

from core.demo_images import get_or_create_demo_image
from home.bootstrap import home_page
from home.models import (
    Footer,
    FormField,
    FormPage,
    NavigationLink,
    SiteSettings,
    StandardPage,
)

SIGN_UP_ROLES = [
    "Teacher",
    "Artist or practitioner",
    "Cultural organisation",
    "Parent or carer",
    "Other",
]


def rich_text(*paragraphs):
    return {"type": "rich_text", "value": "".join(f"<p>{text}</p>" for text in paragraphs)}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def quote(text, attribution="", role=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution, "role": role}}


def call_to_action(heading_text, text, link_text, page):
    return {
        "type": "call_to_action",
        "value": {
            "heading": heading_text,
            "text": text,
            "link": {"text": link_text, "page": page.pk, "url": ""},
        },
    }


def image_block(image, alt_text, caption=""):
    return {
        "type": "image",
        "value": {"image": image.pk, "alt_text": alt_text, "caption": caption, "credit": ""},
    }


def publish(page):
    page.save_revision().publish()
    return page


def child_page(parent, model, slug, **fields):
    """The child of ``parent`` with this slug, created and published if it is missing."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing is not None:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    return publish(page), True


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


def ensure_home_page(stdout):
    """England's home page (made by ``bootstrap``), with the demo's words and picture."""
    return dress_home_page(
        home_page("england"),
        get_or_create_demo_image("Abstract shapes in bright colours (home hero)", seed=1),
        hero_text=(
            "Wherever a child lives, they should be able to make music, dance, visit a "
            "museum or design a game. Find local offers for your class, read what the "
            "programme has learned, and see what children have made."
        ),
        listing_summary=(
            "A UK programme giving every primary-school child at least five quality "
            "cultural experiences a year."
        ),
    )


def load_programme_pages(home):
    about, _ = child_page(
        home,
        StandardPage,
        "about",
        title="About the Arts Backpack",
        introduction=(
            "The Arts Backpack is a simple promise: every child at primary school takes part in "
            "at least five good-quality cultural experiences each year, and keeps a record of "
            "them in their own backpack."
        ),
        listing_summary="What the programme is, what it wants to change and where it started.",
        body=[
            heading("What goes in the backpack"),
            rich_text(
                "An experience might be a concert, a gallery visit, a run of hip-hop classes or "
                "designing a video game. Children store what they did and what they made, look "
                "back on it and show it to others, so the arts feel like something that belongs "
                "to them.",
                "The backpack is both physical and digital, and it can travel with a child "
                "through school and beyond.",
            ),
            heading("What the programme aims to do"),
            {
                "type": "rich_text",
                "value": (
                    "<ul><li>Open up arts and culture to every child, whatever their postcode or "
                    "background.</li><li>Help schools offer high-quality creative and cultural "
                    "activity.</li><li>Give teachers the confidence to teach the curriculum "
                    "more creatively.</li><li>Connect children and teachers with the artists, "
                    "venues and organisations near them.</li><li>Grow the creative workforce "
                    "and the audiences of the future.</li></ul>"
                ),
            },
            heading("Why it matters now"),
            rich_text(
                "For many children, school is the first and sometimes the only place they meet "
                "organised arts and culture. Where a child grows up still shapes how much of it "
                "they get: better-resourced areas have more venues and more programmes, and the "
                "gap follows children into adult life and work.",
                "Teachers are keen but stretched. In England, less than half a day of teacher "
                "training a year goes on creative subjects, so the programme pairs schools with "
                "local cultural organisations that offer training alongside activities.",
            ),
        ],
    )
    abroad, _ = child_page(
        about,
        StandardPage,
        "learning-from-abroad",
        title="Learning from abroad",
        introduction=(
            "The idea is not new. Several countries already give children a cultural rucksack, "
            "basket or suitcase as part of school life."
        ),
        listing_summary="The Norwegian, German, Israeli and Danish models behind the idea.",
        body=[
            rich_text(
                "Norway's Cultural Rucksack brings professional art and culture into schools "
                "across the country. Nuremberg in Germany runs its own Cultural Rucksack, Israel "
                "has a Cultural Basket and Denmark a Cultural Suitcase.",
                "Those who designed the UK proposal have talked with the people who run each of "
                "these schemes about how they are designed and delivered, and the UK pilots "
                "adapt what works to the cultural life of each place.",
            ),
        ],
    )
    pilots, _ = child_page(
        about,
        StandardPage,
        "pilots",
        title="Pilots across the UK",
        introduction=(
            "Action for Children's Arts has tested the Arts Backpack in Leicester, Belfast and "
            "Fife, with a pilot in Wales planned for 2023/24."
        ),
        listing_summary=(
            "Leicester, Belfast, Fife and Wales: where the Arts Backpack has been tried."
        ),
        body=[
            heading("Leicester"),
            rich_text(
                "The first pilot worked with The Spark Arts for Children, which has delivered "
                "arts education across the city as part of the City Classroom since 2016. "
                "Teachers in every participating school were offered training across several "
                "art forms, with support from both teams.",
                "The pilot was part-funded by the public: a crowdfunding appeal raised £2,730 "
                "from 23 supporters in 35 days, closing on 23 March 2021.",
            ),
            quote(
                "We want to show children that the arts are fun, varied, and theirs.",
                "Action for Children's Arts",
                "Crowdfunding appeal for the Leicester pilot",
            ),
            heading("Belfast, Fife and Wales"),
            rich_text(
                "Pilots in Belfast (Northern Ireland) and Fife (Scotland) followed, each shaped "
                "by the venues, artists and heritage on the schools' doorsteps. A Welsh pilot "
                "was planned for the 2023/24 school year.",
                "Running the model in four nations, each with its own curriculum and cultural "
                "landscape, shows how it can respond to place rather than impose one programme "
                "everywhere.",
            ),
        ],
    )
    return about, pilots


def load_audience_pages(home, about):
    picture = get_or_create_demo_image("Abstract shapes in warm colours (audiences)", seed=2)
    teachers, _ = child_page(
        home,
        StandardPage,
        "teachers",
        title="For teachers",
        introduction=(
            "Plan five cultural experiences for your class this year, with offers near your "
            "school and training for you."
        ),
        listing_summary="Find local activities by place, art form, age and cost, and book them.",
        body=[
            rich_text(
                "The activity directory lists what local artists, venues and organisations "
                "offer to primary schools: workshops that come to your classroom, visits, "
                "online sessions and projects outdoors.",
                "Filter by where you are, the art form, your pupils' ages, the cost and the "
                "dates that suit you, then contact the provider directly.",
            ),
            call_to_action(
                "Learn where the idea came from",
                "Read about the pilots in Leicester, Belfast and Fife.",
                "About the Arts Backpack",
                about,
            ),
        ],
    )
    families, _ = child_page(
        home,
        StandardPage,
        "families",
        title="For families",
        introduction=(
            "What your child might do through the Arts Backpack, and how their work is shared "
            "only with your permission."
        ),
        listing_summary="What children do in the programme, and how we protect their work.",
        body=[
            rich_text(
                "Children in the programme go to performances, try an art form, visit a museum "
                "or make something of their own. Some of what they make is shown in our "
                "showcase.",
                "We only show a child's work while a parent or carer (or, for a child in care, "
                "the responsible authority) has agreed to it. We never publish a surname, a "
                "school beside a child's name or an exact location, and you can withdraw your "
                "agreement at any time: the work disappears straight away.",
            ),
            image_block(
                picture,
                "Abstract illustration of overlapping orange, green and cream circles.",
                "Illustration made for this site.",
            ),
        ],
    )
    providers, _ = child_page(
        home,
        StandardPage,
        "providers",
        title="For cultural providers",
        introduction=(
            "List your offers for primary schools so that teachers near you can find and book them."
        ),
        listing_summary="How artists and organisations list their offers in the directory.",
        body=[
            rich_text(
                "Artists, freelancers, venues, museums, libraries and arts organisations of "
                "every size can have a page in the directory. Your own team can keep your "
                "listings up to date; an editor checks each change before it goes live.",
                "Tell us about access (such as BSL, audio description or relaxed sessions), the "
                "languages you work in and your safeguarding arrangements: teachers look for "
                "them.",
            ),
        ],
    )
    privacy, _ = child_page(
        home,
        StandardPage,
        "privacy",
        title="Privacy notice",
        introduction="What we collect, why, and how to ask us to change or delete it.",
        listing_summary="How we handle personal information, including children's work.",
        show_in_menus=False,
        body=[
            rich_text(
                "When you join the mailing list we keep your name, email address and the role "
                "you chose, only to send you news about the programme. You can unsubscribe or "
                "ask us to delete your details at any time.",
                "This site sets no advertising or analytics cookies and loads nothing from "
                "other websites. Videos are only loaded from their host when you choose to "
                "play them.",
            ),
        ],
    )
    return teachers, families, providers, privacy


def load_sign_up_form(home, privacy):
    form_page, created = child_page(
        home,
        FormPage,
        "sign-up",
        title="Join the mailing list",
        introduction=(
            "<p>Hear about new activities, pilots and ways to get involved. We send a few "
            f'emails a year. Read our <a linktype="page" id="{privacy.pk}">privacy notice</a>.</p>'
        ),
        thank_you_text=(
            "<p>Thank you for joining. We will be in touch with news about the Arts Backpack.</p>"
        ),
        listing_summary="Get news about the programme, new activities and ways to take part.",
        to_address="",
        from_address="",
        subject="New mailing-list sign-up",
    )
    if created or not form_page.form_fields.exists():
        fields = [
            ("Your name", "singleline", True, "", "name"),
            ("Email address", "email", True, "", "email"),
            ("I am signing up as", "radio", True, "\n".join(SIGN_UP_ROLES), "role"),
            (
                "I agree to receive emails about the Arts Backpack, as the privacy notice explains",
                "checkbox",
                True,
                "",
                "consent",
            ),
        ]
        for order, (label, field_type, required, choices, clean_name) in enumerate(fields):
            FormField.objects.create(
                page=form_page,
                sort_order=order,
                label=label,
                field_type=field_type,
                required=required,
                choices=choices,
                clean_name=clean_name,
            )
        publish(form_page)
    return form_page


PROGRAMME_EMAIL = "hello@artsbackpack.example"


def load_site_chrome(home, navigation, footer_links):
    site = Site.objects.get(root_page=home)
    footer = Footer.objects.filter(name="Main footer", locale=home.locale).first()
    if footer is None:
        footer = Footer.objects.create(
            name="Main footer",
            locale=home.locale,
            text=(
                "<p>The Arts Backpack: at least five quality cultural experiences a year for "
                "every primary-school child, wherever they live.</p>"
            ),
            links=[
                {"type": "link", "value": {"text": page.title, "page": page.pk, "url": ""}}
                for page in footer_links
            ],
        )
    settings = SiteSettings.for_site(site)
    settings.site_name = settings.site_name or "Arts Backpack"
    settings.tagline = settings.tagline or "Five cultural experiences a year for every child"
    settings.contact_email = settings.contact_email or PROGRAMME_EMAIL
    settings.footer = settings.footer or footer
    settings.save()
    # Ten apart, so the index pages bootstrap links (directory -1, stories 5, showcase 50) fall
    # in their places between them.
    if not settings.navigation_links.filter(page__in=navigation).exists():
        for order, page in enumerate(navigation):
            NavigationLink.objects.create(settings=settings, page=page, sort_order=order * 10)


def entry_points(teachers, families, providers, about):
    audiences = [
        ("Teachers", "Find local activities for your class and plan the year.", teachers),
        ("Families", "See what children have made and how the programme works.", families),
        ("Cultural providers", "List your offers so nearby schools can find them.", providers),
        ("Partners and funders", "Read about the pilots and the case for the programme.", about),
    ]
    return [
        {
            "type": "entry_point",
            "value": {
                "audience": audience,
                "text": text,
                "link": {"text": f"{audience}: start here", "page": page.pk, "url": ""},
            },
        }
        for audience, text, page in audiences
    ]


@transaction.atomic
def load(stdout, **options):
    home = ensure_home_page(stdout)
    about, _pilots = load_programme_pages(home)
    teachers, families, providers, privacy = load_audience_pages(home, about)
    form_page = load_sign_up_form(home, privacy)
    if not home.entry_points:
        home.entry_points = entry_points(teachers, families, providers, about)
        publish(home)
    load_site_chrome(
        home,
        navigation=[about, teachers, families, providers, form_page],
        footer_links=[privacy, form_page],
    )
    from home import demo_regions

    demo_regions.load(stdout)
    return home
