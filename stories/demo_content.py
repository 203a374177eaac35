"""Demo stories, written for this site from the programme's published background
(../shared/seeds): the pilots, the policy case for the programme and case studies of culture
changing children's and young people's chances. Figures carry their sources; quotes are
attributed as the sources attribute them. Stories link to the demo providers, activities and
places the directory's demo content creates.

Safe to run again: a story, author or document that is already there is left as it is.
"""

from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Locale

from core.demo_images import get_or_create_demo_image
from directory.models import ActivityPage, DirectoryIndexPage, ProviderPage
from places.models import Place
from stories.bootstrap import programme_site
from stories.models import (
    Author,
    StoryActivity,
    StoryAuthor,
    StoryIndexPage,
    StoryPage,
    StoryPlace,
    StoryProvider,
    StoryTheme,
    Theme,
)

ACA_APPEAL = "Action for Children's Arts, crowdfunding appeal for the Leicester pilot (2021)"
CULTURE_COMMONS = "Culture Commons, “The Arts Backpack” (updated June 2023)"
ARTS_CONNECT = "Arts Connect, Collaborate & Innovate press release (October 2024)"
LGA = "Local Government Association, culture and social mobility case studies"

# Demo addresses only. They are never fetched: the page derives the player's address from
# the link itself and the browser loads it only when a reader presses play.
WAKEFIELD_FILM = "https://www.youtube.com/watch?v=Wkfld0Cultr"
WAKEFIELD_FILM_DESCRIBED = "https://www.youtube.com/watch?v=Wkfld0AudDs"

WAKEFIELD_TRANSCRIPT = (
    "<p><b>Julie Russell, Director of Arts, Culture and Leisure, Wakefield:</b> Wakefield is a "
    "diverse district. Our settlements are shaped really by its industrial past, by its coal "
    "mining, its heritage and textiles. One of the real drivers is skills and learning, because "
    "whilst we've had a history in logistics, some of those jobs are quite low paid and low "
    "skilled, and the culture and creative sector is one that won't be automated.</p>"
    "<p><b>Emily Ryalls, Project Coordinator, the Art House:</b> I've been able to be part of "
    "the programme both as a teaching artist and as the curator for the exhibition downstairs. "
    "Both have taught me how important it is to treat these young people as young artists.</p>"
    "<p><b>Jim Farmery, Development Director, Backstage Academy:</b> We've got about 20 acres "
    "of build space for different companies, and right at the centre of that we've got a "
    "campus for our students.</p>"
    "<p><b>Narrator:</b> To find out more, search for the LGA Culture Commission.</p>"
    "<p><i>This demo transcript is abridged; a published story carries every word.</i></p>"
)


def rich_text(*paragraphs):
    return {"type": "rich_text", "value": "".join(f"<p>{text}</p>" for text in paragraphs)}


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def quote(text, name, role=""):
    return {"type": "quote", "value": {"quote": text, "attribution": name, "role": role}}


def figures(title, *rows):
    return {
        "type": "key_figures",
        "value": {
            "heading": title,
            "figures": [
                {"number": number, "label": label, "source": source, "source_url": ""}
                for number, label, source in rows
            ],
        },
    }


def image(picture, alt, caption=""):
    return {
        "type": "image",
        "value": {"image": picture.pk, "alt_text": alt, "caption": caption, "credit": ""},
    }


def links(title, *pairs):
    return {
        "type": "related_links",
        "value": {
            "heading": title,
            "links": [{"text": text, "page": page.pk, "url": ""} for text, page in pairs],
        },
    }


def call_to_action(heading_text, text, link_text, page):
    return {
        "type": "call_to_action",
        "value": {
            "heading": heading_text,
            "text": text,
            "link": {"text": link_text, "page": page.pk, "url": ""},
        },
    }


def video(title, url, transcript, described_url="", captions=True):
    return {
        "type": "video",
        "value": {
            "url": url,
            "title": title,
            "poster": None,
            "transcript": transcript,
            "audio_described_url": described_url,
            "captions": captions,
        },
    }


def document(doc):
    return {"type": "document", "value": {"document": doc.pk, "title": ""}}


def get_or_create_document(title, filename, text):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = text.encode("utf-8")
    doc = Document(title=title, file_size=len(data))
    doc.file.save(filename, ContentFile(data), save=False)
    doc.save()
    return doc


class Lookups:
    """Demo vocabulary and directory pages by their stable keys."""

    def __init__(self, home):
        english = Locale.objects.get(language_code="en")
        self.locale = english
        self.themes = {t.slug: t for t in Theme.objects.filter(locale=english)}
        self.places = {p.code: p for p in Place.objects.filter(locale=english)}
        self.directory = DirectoryIndexPage.objects.child_of(home).live().first() or home
        self.providers = {
            p.slug: p
            for p in ProviderPage.objects.descendant_of(home).filter(locale=english).live()
        }

    def author(self, name, role):
        author, _ = Author.objects.get_or_create(
            name=name, locale=self.locale, defaults={"role": role}
        )
        return author

    def first_activity(self, provider_slug):
        provider = self.providers.get(provider_slug)
        if provider is None:
            return None
        return ActivityPage.objects.child_of(provider).live().order_by("path").first()


def add_story(index, lookups, spec):
    existing = StoryPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing, False
    story = StoryPage(
        title=spec["title"],
        slug=spec["slug"],
        kind=spec["kind"],
        date=spec["date"],
        summary=spec["summary"],
        body=spec["body"],
        listing_image=spec.get("image"),
    )
    story.story_authors = [StoryAuthor(author=author) for author in spec["authors"]]
    story.story_themes = [StoryTheme(theme=lookups.themes[slug]) for slug in spec["themes"]]
    story.story_places = [StoryPlace(place=lookups.places[code]) for code in spec["places"]]
    story.story_providers = [
        StoryProvider(provider=lookups.providers[slug])
        for slug in spec.get("providers", [])
        if slug in lookups.providers
    ]
    story.story_activities = [
        StoryActivity(activity=activity)
        for activity in (lookups.first_activity(slug) for slug in spec.get("activities", []))
        if activity is not None
    ]
    index.add_child(instance=story)
    story.save_revision().publish()
    return story, True


def story_specs(index, lookups):
    editors = lookups.author("Arts Backpack editorial team", "")
    programme = lookups.author("Priya Nair", "Programme lead")  # an invented demo author
    picture = {
        name: get_or_create_demo_image(f"Abstract shapes ({name} story)", seed=seed)
        for seed, name in enumerate(
            ["leicester", "pilots", "policy", "care", "wakefield", "making", "library"], start=40
        )
    }
    appeal_note = get_or_create_document(
        "Leicester pilot: what the appeal paid for (demo note)",
        "leicester-pilot-note.txt",
        "A demo note for the Arts Backpack site.\n\n"
        "In March 2021 Action for Children's Arts raised £2,730 from 23 supporters in 35 days\n"
        "towards the first Arts Backpack pilot, in Leicester, with The Spark Arts for Children.\n",
    )
    return [
        {
            "slug": "leicester-pilot",
            "title": "Leicester: where the first Arts Backpack was packed",
            "kind": "pilot-story",
            "date": date(2021, 3, 23),
            "authors": [editors],
            "themes": ["wellbeing-resilience", "teachers-cpd", "place-based-partnership"],
            "places": ["GB-LCE"],
            "providers": ["the-spark-arts-for-children"],
            "activities": ["the-spark-arts-for-children"],
            "image": picture["leicester"],
            "summary": (
                "The first UK pilot began in Leicester's primary schools with The Spark Arts for "
                "Children, part-paid for by 23 members of the public in just over a month."
            ),
            "body": [
                rich_text(
                    "Action for Children's Arts had been exploring a UK Arts Backpack since "
                    "2018. In early 2021, as schools came out of lockdown, it chose Leicester to "
                    "try it for real, with The Spark Arts for Children, which has worked in the "
                    "city's schools through the City Classroom since 2016.",
                    "The idea is simple to say and harder to do: every child collects five "
                    "cultural experiences a year, from a concert to designing a video game, and "
                    "keeps them in a backpack of their own.",
                ),
                figures(
                    "The appeal in numbers",
                    ("£2,730", "raised for the pilot", ACA_APPEAL),
                    ("23", "supporters gave", ACA_APPEAL),
                    ("35", "days to reach the target", ACA_APPEAL),
                ),
                quote(
                    "We want to show children that the arts are fun, varied, and theirs.",
                    "Action for Children's Arts",
                    "Crowdfunding appeal, 2021",
                ),
                heading("What the pilot set out to learn"),
                rich_text(
                    "Four questions shaped the work: how creative activity builds resilience in "
                    "primary-age children; how it can give them words for what the pandemic year "
                    "had been like; how teachers can best be supported to teach creatively; and "
                    "what changes when schools are connected with the arts organisations on "
                    "their own doorstep.",
                    "Teachers in every school taking part were offered training across several "
                    "art forms, backed by both teams.",
                ),
                document(appeal_note),
            ],
        },
        {
            "slug": "belfast-fife-and-wales",
            "title": "From Leicester to Belfast, Fife and Wales",
            "kind": "pilot-story",
            "date": date(2023, 6, 3),
            "authors": [programme],
            "themes": ["place-based-partnership"],
            "places": ["GB-BFS", "GB-FIF", "GB-WLS"],
            "image": picture["pilots"],
            "summary": (
                "After Leicester, pilots followed in Belfast and Fife, and a Welsh pilot was "
                "planned for the 2023/24 school year: one model, four nations, four curricula."
            ),
            "body": [
                rich_text(
                    "A programme that works only in one city is not yet a national programme. "
                    "So Action for Children's Arts took the Arts Backpack to Belfast in Northern "
                    "Ireland and to Fife in Scotland, and planned a pilot in Wales for 2023/24.",
                    "Each nation has its own curriculum, its own school stages and its own "
                    "cultural landscape. Rather than import a fixed menu, each pilot builds on "
                    "the venues, artists and heritage close to its schools.",
                ),
                quote(
                    "The Arts Backpack works with the cultural infrastructure of a place, "
                    "providing the framework and guidance that educators need to co-create "
                    "programmes with the children in their care.",
                    "Culture Commons",
                    "“The Arts Backpack”, 2023",
                ),
                figures(
                    "Where the model has been tried",
                    ("3", "nations with a pilot by 2023", CULTURE_COMMONS),
                    ("2023/24", "school year planned for the Welsh pilot", CULTURE_COMMONS),
                ),
                links("Find activities in these places", ("Find activities", lookups.directory)),
            ],
        },
        {
            "slug": "culture-commons-proposal",
            "title": "A backpack for every child: the national proposal",
            "kind": "advocacy",
            "date": date(2023, 6, 3),
            "authors": [editors],
            "themes": ["policy-advocacy", "teachers-cpd"],
            "places": ["GB-ENG", "GB-WLS", "GB-SCT", "GB-NIR"],
            "image": picture["policy"],
            "summary": (
                "Culture Commons sets out how a national Arts Backpack could work: a physical "
                "and digital backpack, a minimum number of experiences in the school year, and "
                "training for teachers with local organisations."
            ),
            "body": [
                rich_text(
                    "Norway, Nuremberg, Israel and Denmark already run national or city-wide "
                    "schemes that put culture in every child's school year. Culture Commons has "
                    "spoken with the people who lead each of them, and drawn on the UK pilots, "
                    "to design a version for the UK.",
                ),
                heading("Three principles"),
                rich_text(
                    "First, every child takes part in a minimum number of creative and cultural "
                    "experiences in a school year, as part of the curriculum. Second, teachers "
                    "are given the confidence to lead them. Third, the programme is built from "
                    "what each place already has, which also opens work to local freelance "
                    "artists and small organisations.",
                ),
                figures(
                    "Why teachers need support",
                    (
                        "Under half a day",
                        "of teacher training a year goes on creative subjects in England",
                        CULTURE_COMMONS,
                    ),
                ),
                quote(
                    "The Arts Backpack is first and foremost about supporting children to "
                    "access high quality creative and cultural activities.",
                    "Culture Commons",
                    "“The Arts Backpack”, 2023",
                ),
                call_to_action(
                    "Plan five experiences this year",
                    "Find arts and cultural offers near your school in the directory.",
                    "Find activities",
                    lookups.directory,
                ),
            ],
        },
        {
            "slug": "policy-case-postcode-lottery",
            "title": "Ending the postcode lottery in children's culture",
            "kind": "advocacy",
            "date": date(2023, 7, 10),
            "authors": [programme],
            "themes": ["policy-advocacy", "social-mobility", "skills-careers"],
            "places": ["GB-ENG"],
            "summary": (
                "Where children grow up still decides how much culture they meet. The case for "
                "the Arts Backpack is also a case about fairness, skills and the creative "
                "workforce of the future."
            ),
            "body": [
                rich_text(
                    "Children in better-off areas get more chances to take part in organised "
                    "arts and culture; children in places with fewer venues and programmes get "
                    "far fewer. For many, school is the first and only place they will meet it.",
                    "The gap does not close at the school gate. Working-class young people are "
                    "much less likely to go on to work in the creative industries, even though "
                    "those industries are among the fastest-growing parts of the economy.",
                ),
                figures(
                    "The case in figures",
                    (
                        "250,000+",
                        "working-class people missing from the UK's creative industries in 2021",
                        "Creative Industries Policy and Evidence Centre, cited by Culture Commons",
                    ),
                    (
                        "£116bn",
                        "GVA from the creative and cultural sectors in 2019",
                        CULTURE_COMMONS,
                    ),
                    ("2 million", "people employed in those sectors", CULTURE_COMMONS),
                    (
                        "Nearly 50%",
                        "fall in arts and cultural apprenticeship starts in 2020/21",
                        CULTURE_COMMONS,
                    ),
                ),
                rich_text(
                    "The proposal answers several problems at once: fair access for every "
                    "child, support for teachers, audiences and a workforce for the future, and "
                    "steadier local work for artists. It has been shared with parliamentarians "
                    "in Westminster and the devolved parliaments, with growing cross-party "
                    "interest.",
                ),
            ],
        },
        {
            "slug": "collaborate-and-innovate",
            "title": "Collaborate & Innovate: opening culture to children in care",
            "kind": "case-study",
            "date": date(2024, 10, 1),
            "authors": [editors],
            "themes": ["children-in-care", "teachers-cpd", "skills-careers"],
            "places": ["E12000005", "E12000004", "GB-COV", "GB-WLV"],
            "providers": ["coventry-museums", "care-to-dance", "arena-theatre"],
            "activities": ["arena-theatre"],
            "image": picture["care"],
            "summary": (
                "Across the Midlands, arts organisations and Virtual Schools are working out "
                "together how to make culture welcoming to children and young people in care, "
                "and researching what stands in their way."
            ),
            "body": [
                rich_text(
                    "Arts Connect and The Mighty Creatives (TMC) lead Collaborate & Innovate, "
                    "commissioned by Arts Council England after a pilot that adapted the "
                    "Artsmark Award for Virtual Schools. It began in April 2023.",
                    "In its first stage, arts and cultural organisations took TMC's training in "
                    "trauma-informed practice. In the second, eight of them, among them Coventry "
                    "Museums, Care to Dance and Arena Theatre, each partnered with a Virtual "
                    "School for nine months of action research.",
                ),
                figures(
                    "The programme so far",
                    ("28", "arts and cultural organisations took part", ARTS_CONNECT),
                    ("8", "Virtual Schools across the Midlands", ARTS_CONNECT),
                    ("12,000", "children and young people in care in the region", ARTS_CONNECT),
                    ("9 months", "for each action research partnership", ARTS_CONNECT),
                ),
                quote(
                    "We have compelling evidence that the way you secure change over the long "
                    "term is by growing the capacity, skills and connectivity of the key "
                    "practitioners who actually work in the field.",
                    "Rob Elkington",
                    "Director, Arts Connect",
                ),
                quote(
                    "Partnerships provide a vehicle for collaboration and constructive challenge.",
                    "Emily York",
                    "Head of Programmes at TMC",
                ),
                rich_text(
                    "The University of Wolverhampton's Institute of Community Research and "
                    "Development supports the partners' research, and the findings are expected "
                    "to shape how Arts Council England supports children in care.",
                ),
            ],
        },
        {
            "slug": "collaborate-and-innovate-conference",
            "title": "Care and culture findings to be shared in Wolverhampton",
            "kind": "news",
            "date": date(2024, 10, 15),
            "authors": [editors],
            "themes": ["children-in-care"],
            "places": ["GB-WLV"],
            "providers": ["arena-theatre"],
            "summary": (
                "The Collaborate & Innovate partnerships will present what they have learned "
                "at a national conference at the University of Wolverhampton in June 2025."
            ),
            "body": [
                rich_text(
                    "Eight partnerships between arts organisations and Virtual Schools are "
                    "researching how children and young people in care can reach arts and "
                    "culture, and how they can be supported towards creative careers.",
                    "They will share their findings at a national conference at the University "
                    "of Wolverhampton in June 2025. Arts Council England has also commissioned "
                    "an independent evaluation of the programme.",
                ),
            ],
        },
        {
            "slug": "wakefield-summer-school",
            "title": "Wakefield: a summer school and a campus for live events",
            "kind": "case-study",
            "date": date(2022, 9, 12),
            "authors": [programme],
            "themes": ["skills-careers", "social-mobility", "place-based-partnership"],
            "places": ["GB-WKF"],
            "providers": ["the-art-house-wakefield"],
            "activities": ["the-art-house-wakefield"],
            "image": picture["wakefield"],
            "summary": (
                "Wakefield's council took art into its communities with a free summer school "
                "at the Art House, and works with Backstage Academy to open careers in live "
                "events. A short film tells the story, with an audio-described version."
            ),
            "body": [
                rich_text(
                    "Shaped by coal, textiles and logistics, Wakefield wants its young people to "
                    "aim for skilled work that will not be automated, and sees culture and the "
                    "creative industries as one route there.",
                    "In its first summer school, the council took arts activities out into "
                    "communities, reaching children who might never have tried them. At the "
                    "Art House, children painted, built, modelled clay and showed their work in "
                    "an exhibition, with local artists and their families beside them.",
                ),
                video(
                    "Improving social mobility in Wakefield",
                    WAKEFIELD_FILM,
                    WAKEFIELD_TRANSCRIPT,
                    described_url=WAKEFIELD_FILM_DESCRIBED,
                ),
                quote(
                    "The culture and creative sector is one that won't be automated.",
                    "Julie Russell",
                    "Director of Arts, Culture and Leisure, Wakefield",
                ),
                quote(
                    "Treat these young people as young artists and really see the value in "
                    "what they're creating.",
                    "Emily Ryalls",
                    "Project Coordinator, the Art House",
                ),
                heading("Backstage Academy"),
                rich_text(
                    "In the south of the district, Production Park has grown from a staging "
                    "company into a cluster of live-events businesses, with a student campus "
                    "at its heart, a research and development space for virtual production, "
                    "and build space where arena shows rehearse before they tour.",
                ),
                figures(
                    "Production Park",
                    ("20 acres", "of build space for companies and students", LGA),
                ),
                image(
                    picture["wakefield"],
                    "Abstract illustration in bright colours standing in for a workshop scene.",
                    "Illustration made for this demo.",
                ),
            ],
        },
        {
            "slug": "beyond-brontes",
            "title": "Beyond Brontës: routes into film and television",
            "kind": "case-study",
            "date": date(2019, 11, 4),
            "authors": [editors],
            "themes": ["skills-careers", "social-mobility"],
            "places": ["GB-BRD"],
            "summary": (
                "Launched in 2019 by Screen Yorkshire and Bradford council, Beyond Brontës "
                "trains young people aged 18 to 30 in TV and film production and finds them "
                "work placements."
            ),
            "body": [
                rich_text(
                    "The screen industries have long drawn their crews from a narrow pool. "
                    "Beyond Brontës sets out to widen it, giving young people from Bradford and "
                    "beyond production training and real placements on sets.",
                    "It shows what a primary-school backpack can lead to: the interest sparked "
                    "by a first animation workshop needs a path to follow at eighteen.",
                ),
                figures(
                    "Who it is for",
                    ("18–30", "age range of the young people trained", LGA),
                    ("2019", "year Screen Yorkshire and Bradford MDC launched it", LGA),
                ),
            ],
        },
        {
            "slug": "museum-of-making",
            "title": "Derby's Museum of Making: three centuries of making, and children making",
            "kind": "case-study",
            "date": date(2021, 5, 20),
            "authors": [programme],
            "themes": ["heritage-museums", "place-based-partnership"],
            "places": ["GB-DER"],
            "providers": ["museum-of-making"],
            "activities": ["museum-of-making"],
            "image": picture["making"],
            "summary": (
                "Opened in May 2021 in the Derwent Valley Mills World Heritage Site, the "
                "museum tells Derby's 300-year story of making and invites visitors to make "
                "things themselves."
            ),
            "body": [
                rich_text(
                    "Derby's Silk Mill stands in a UNESCO World Heritage Site that celebrates "
                    "the area's history of invention. The Museum of Making opened there in May "
                    "2021 as a contemporary space where the city's 300 years of making meet "
                    "today's makers.",
                    "For a primary class, that is heritage they can handle: the story of their "
                    "own city, told through things made there, with a chance to make something "
                    "of their own.",
                ),
                figures("In brief", ("300 years", "of Derby's history of making", LGA)),
            ],
        },
        {
            "slug": "palmer-park-library",
            "title": "Palmer Park library: skills and a library kept open",
            "kind": "case-study",
            "date": date(2022, 2, 14),
            "authors": [editors],
            "themes": ["reading-libraries", "access-inclusion", "skills-careers"],
            "places": ["GB-RDG"],
            "providers": ["palmer-park-library"],
            "activities": ["palmer-park-library"],
            "image": picture["library"],
            "summary": (
                "In East Reading, learners from Reading College, including students with "
                "learning difficulties or disabilities, build customer-service skills at the "
                "library, which helps keep the service running."
            ),
            "body": [
                rich_text(
                    "Palmer Park library offers students at nearby Reading College, run by "
                    "Activate Learning, a real workplace in which to learn customer service. "
                    "Many have learning difficulties or disabilities.",
                    "The arrangement works both ways: the students gain skills and confidence, "
                    "and the community keeps a public library it can rely on, including the "
                    "storytelling and reading sessions local schools book.",
                ),
            ],
        },
        {
            "slug": "future-curator-programme",
            "title": "The Future Curator Programme",
            "kind": "case-study",
            "date": date(2023, 3, 1),
            "authors": [programme],
            "themes": ["access-inclusion", "skills-careers"],
            "places": ["GB-ENG"],
            "summary": (
                "An England-wide programme developing disabled curators, to change who shapes "
                "what the visual arts show and for whom."
            ),
            "body": [
                rich_text(
                    "Disabled people are under-represented among those who choose what "
                    "galleries show. The Future Curator Programme develops disabled curators "
                    "across England to become a force for diverse change in the visual arts.",
                    "Children who see themselves in the people running a gallery are more "
                    "likely to believe it is a place for them.",
                ),
            ],
        },
        {
            "slug": "cambridge-junction-new-community",
            "title": "Cambridge Junction in a new neighbourhood",
            "kind": "case-study",
            "date": date(2022, 6, 6),
            "authors": [editors],
            "themes": ["social-mobility", "wellbeing-resilience"],
            "places": ["GB-CAM"],
            "providers": ["cambridge-junction"],
            "summary": (
                "With HighRise Theatre and the Romsey Mill charity, Cambridge Junction worked "
                "with young people at risk of exclusion from education and work in a newly "
                "built area of Cambridge."
            ),
            "body": [
                rich_text(
                    "New neighbourhoods have homes before they have community spaces. Cambridge "
                    "Junction teamed up with HighRise Theatre and Romsey Mill to bring creative "
                    "projects to young people who had been, or were at risk of being, excluded "
                    "from school or work.",
                ),
            ],
        },
    ]


@transaction.atomic
def load(stdout, activities=0, **options):
    site = programme_site()
    index = StoryIndexPage.objects.child_of(site.root_page).first() if site else None
    if index is None:
        return None
    home = site.root_page
    lookups = Lookups(home)
    created = 0
    stories = {}
    for spec in story_specs(index, lookups):
        story, was_created = add_story(index, lookups, spec)
        stories[spec["slug"]] = story
        created += was_created
    if index.featured_story_id is None and "wakefield-summer-school" in stories:
        index.featured_story = stories["wakefield-summer-school"]
        index.save_revision().publish()
    if created:
        stdout.write(f"Stories: {created} stories added.")
    return index
