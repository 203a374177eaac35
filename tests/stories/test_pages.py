"""Story pages in the tree and in the editor's hands: where they may live, preview, drafts,
scheduled publishing, review, reading time, sharing data, related stories, and the links with
the directory in both directions."""

from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale, WorkflowPage

from directory.models import ActivityPage, DirectoryIndexPage, ProviderPage
from home.models import HomePage, StandardPage
from stories.factories import StoryPageFactory
from stories.listing import related_stories
from stories.models import StoryIndexPage, StoryPage
from stories.workflow import REVIEW_WORKFLOW, set_up_story_review
from tests.stories.conftest import make_directory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_page_tree_rules(story_site):
    home, index = story_site
    assert StoryIndexPage.allowed_parent_page_models() == [HomePage]
    assert StoryPage.allowed_parent_page_models() == [StoryIndexPage]
    assert StoryIndexPage.allowed_subpage_models() == [StoryPage]
    assert StoryPage.allowed_subpage_models() == []
    assert StoryPage.can_create_at(index)
    assert not StoryPage.can_create_at(home)
    # One stories page per home page: the feeds and the home page's slot rely on it.
    assert not StoryIndexPage.can_create_at(home)
    other_home = HomePage(title="Cymru", slug="cymru", hero_heading="Croeso")
    home.get_parent().add_child(instance=other_home)
    assert StoryIndexPage.can_create_at(other_home)
    standard = StandardPage(title="About", slug="about")
    home.add_child(instance=standard)
    assert not StoryIndexPage.can_create_at(standard)
    assert not StoryPage.can_create_at(standard)


def test_preview_of_each_page_type(story_site):
    _home, index = story_site
    story = StoryPageFactory(parent=index, title="Preview me", summary="A summary to preview.")
    for page in (index, story):
        response = page.make_preview_request()
        assert response.status_code == 200
        assert soup(response).h1.get_text(strip=True) == page.title
    # An edited draft previews with its changes while the live page keeps the old words.
    story.title = "Edited title"
    response = story.make_preview_request()
    assert soup(response).h1.get_text(strip=True) == "Edited title"


def test_draft_changes_stay_unpublished(client, story_site):
    _home, index = story_site
    story = StoryPageFactory(parent=index, title="Live title", slug="live")
    story.title = "Draft title"
    story.save_revision()
    assert soup(client.get(story.url)).h1.get_text(strip=True) == "Live title"
    draft = StoryPageFactory(parent=index, title="Never published", slug="never", publish=False)
    assert client.get(f"{index.url}never/").status_code == 404
    assert draft.live is False


def test_scheduled_story_appears_only_when_its_time_comes(client, story_site):
    _home, index = story_site
    story = StoryPageFactory(parent=index, title="Embargoed", slug="embargoed", publish=False)
    go_live = timezone.now() + timedelta(days=1)
    story.go_live_at = go_live
    story.save_revision().publish()
    story.refresh_from_db()
    assert not story.live
    assert "Embargoed" not in client.get(index.url).content.decode()
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    story.refresh_from_db()
    assert not story.live
    # Time passes: the approved revision's moment arrives and the scheduler publishes it.
    revision = story.revisions.get(approved_go_live_at__isnull=False)
    assert revision.approved_go_live_at == go_live
    past = timezone.now() - timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    story.refresh_from_db()
    assert story.live
    assert "Embargoed" in client.get(index.url).content.decode()


def test_stories_review_workflow_is_assigned_to_the_index(story_site):
    _home, index = story_site
    set_up_story_review(index)
    story = StoryPageFactory(parent=index, title="Reviewed", slug="reviewed")
    workflow = story.get_workflow()
    assert workflow is not None and workflow.name == REVIEW_WORKFLOW
    assert [task.name for task in workflow.tasks] == [REVIEW_WORKFLOW]
    assert list(workflow.tasks[0].specific.groups.values_list("name", flat=True)) == [
        "Story reviewers"
    ]
    assert WorkflowPage.objects.filter(page=index, workflow=workflow).exists()


def test_reading_time_counts_the_words_a_reader_reads(client, story_site):
    _home, index = story_site
    words = " ".join(["word"] * 590)
    story = StoryPageFactory(
        parent=index,
        title="Long read",
        summary="Ten words in this summary, give or take, roughly so.",
        body=[
            {"type": "rich_text", "value": f"<p>{words}</p>"},
            {
                "type": "video",
                "value": {
                    "url": "https://youtu.be/dQw4w9WgXcQ",
                    "title": "Film",
                    "poster": None,
                    "transcript": "<p>" + " ".join(["spoken"] * 1000) + "</p>",
                    "audio_described_url": "",
                    "captions": False,
                },
            },
        ],
    )
    # 600 words at 200 a minute; the transcript is an alternative to the video, not extra.
    assert story.reading_minutes == 3
    assert "3 minute read" in soup(client.get(story.url)).select_one(".story__byline").get_text()


def test_sharing_metadata_is_filled_from_the_story(client, story_site):
    _home, index = story_site
    story = StoryPageFactory(
        parent=index,
        title="Leicester pilot",
        summary="How the first pilot began.",
        date=date(2021, 3, 23),
        themes=["wellbeing-resilience"],
    )
    head = soup(client.get(story.url)).head
    assert head.select_one('meta[name="description"]')["content"] == "How the first pilot began."
    assert head.select_one('meta[property="og:title"]')["content"] == "Leicester pilot"
    assert head.select_one('meta[property="og:description"]')["content"] == (
        "How the first pilot began."
    )
    assert head.select_one('meta[property="og:type"]')["content"] == "article"
    assert head.select_one('meta[property="article:published_time"]')["content"] == "2021-03-23"
    assert head.select_one('meta[property="article:tag"]')["content"] == "Wellbeing and resilience"
    assert story.listing_summary == "How the first pilot began."


def test_related_stories_share_a_theme_or_a_place_most_shared_first(client, story_site):
    _home, index = story_site
    story = StoryPageFactory(
        parent=index,
        title="Subject",
        themes=["children-in-care", "skills-careers"],
        places=["GB-COV"],
    )
    both = StoryPageFactory(
        parent=index,
        title="Theme and place",
        themes=["children-in-care"],
        places=["GB-COV"],
        date=date(2020, 1, 1),
    )
    two_themes = StoryPageFactory(
        parent=index,
        title="Two themes",
        themes=["children-in-care", "skills-careers"],
        date=date(2020, 1, 2),
    )
    place_only = StoryPageFactory(
        parent=index, title="Place only", places=["GB-COV"], date=date(2024, 1, 1)
    )
    StoryPageFactory(parent=index, title="Unrelated", themes=["social-mobility"], places=["GB-LCE"])
    # A story elsewhere in the region is not "the same place".
    StoryPageFactory(parent=index, title="Nearby", places=["GB-WLV"])
    StoryPageFactory(parent=index, title="Draft twin", themes=["children-in-care"], publish=False)
    related = related_stories(story, limit=10)
    assert [s.title for s in related] == ["Two themes", "Theme and place", "Place only"]
    assert {s.pk for s in related} == {both.pk, two_themes.pk, place_only.pk}
    html = soup(client.get(story.url))
    shown = [a.get_text(strip=True) for a in html.select("#related-stories-heading ~ ul a")]
    assert shown == ["Two themes", "Theme and place", "Place only"]
    lonely = StoryPageFactory(parent=index, title="Lonely")
    assert related_stories(lonely) == []
    assert soup(client.get(lonely.url)).select_one("#related-stories-heading") is None


def test_stories_and_directory_link_both_ways(client, story_site):
    home, index = story_site
    _directory, provider, activity, other = make_directory(home)
    about_provider = StoryPageFactory(
        parent=index, title="About the Spark", providers=[provider], date=date(2023, 1, 1)
    )
    StoryPageFactory(
        parent=index, title="About drumming", activities=[activity], date=date(2024, 1, 1)
    )
    StoryPageFactory(parent=index, title="Unpublished mention", providers=[provider], publish=False)

    story_html = soup(client.get(about_provider.url))
    directory_links = [a["href"] for a in story_html.select("#story-directory-heading ~ ul a")]
    assert directory_links == [provider.url]

    def stories_listed(page):
        html = soup(client.get(page.url))
        heading = html.find("h2", string="Stories about this")
        if heading is None:
            return []
        return [a.get_text(strip=True) for a in heading.find_next("ul").select("a")]

    # A provider's page lists stories about it and about its activities, newest first.
    assert stories_listed(provider) == ["About drumming", "About the Spark"]
    assert stories_listed(activity) == ["About drumming"]
    assert stories_listed(other) == []


def test_stories_about_a_page_stay_in_its_language(client, story_site):
    home, index = story_site
    _directory, provider, _activity, _other = make_directory(home)
    StoryPageFactory(parent=index, title="English story", providers=[provider])
    welsh = Locale.objects.get(language_code="cy")
    welsh_provider = provider.copy_for_translation(welsh, copy_parents=True)
    welsh_provider.save_revision().publish()
    welsh_index = index.copy_for_translation(welsh, copy_parents=True)
    welsh_index.save_revision().publish()
    StoryPageFactory(parent=welsh_index, title="Stori Gymraeg", providers=[provider])
    from stories.listing import stories_about

    assert [s.title for s in stories_about(provider)] == ["English story"]
    assert [s.title for s in stories_about(welsh_provider)] == ["Stori Gymraeg"]


def test_home_page_features_stories(client, story_site):
    home, index = story_site
    StoryPageFactory(parent=index, title="Oldest", date=date(2020, 1, 1))
    chosen = StoryPageFactory(parent=index, title="Chosen", date=date(2021, 1, 1))
    StoryPageFactory(parent=index, title="Newest", date=date(2025, 1, 1))
    StoryPageFactory(parent=index, title="Middle", date=date(2023, 1, 1))
    home.save_revision().publish()

    def featured_titles():
        html = soup(client.get(home.url))
        heading = html.find(id="featured-stories-heading")
        return [a.get_text(strip=True) for a in heading.find_next("ul").select("a")]

    assert featured_titles() == ["Newest", "Middle", "Chosen"]
    index.featured_story = chosen
    index.save_revision().publish()
    assert featured_titles() == ["Chosen", "Newest", "Middle"]


def test_no_stories_page_means_no_home_slot(client, story_site):
    home, index = story_site
    index.unpublish()
    assert soup(client.get(home.url)).find(id="featured-stories-heading") is None


def test_directory_does_not_import_stories():
    """The dependency runs one way: stories may use the directory, never the reverse."""
    import pathlib

    for path in pathlib.Path("directory").rglob("*.py"):
        source = path.read_text()
        assert "import stories" not in source and "from stories" not in source, path
    for model in (ActivityPage, DirectoryIndexPage, ProviderPage):
        assert model.__module__.startswith("directory.")


def test_editors_can_open_the_story_forms(admin_client, story_site):
    """The add and edit forms build (inline panels, the body's blocks, the choosers)."""
    _home, index = story_site
    story = StoryPageFactory(
        parent=index, title="Editable", themes=["skills-careers"], places=["GB-LCE"]
    )
    for url in (
        f"/admin/pages/add/stories/storypage/{index.pk}/",
        f"/admin/pages/{story.pk}/edit/",
        f"/admin/pages/{index.pk}/edit/",
        "/admin/snippets/stories/theme/",
        "/admin/snippets/stories/author/",
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
    form = admin_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "story_themes" in form and "story_providers" in form


def test_publishing_without_a_transcript_is_refused_in_the_editor(admin_client, story_site):
    """The editor's form refuses the page and says why, rather than saving a bad video."""
    _home, index = story_site
    response = admin_client.get(f"/admin/pages/add/stories/storypage/{index.pk}/")
    assert response.status_code == 200
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    def form_data(transcript):
        return nested_form_data(
            {
                "title": "A film",
                "slug": "a-film",
                "kind": "news",
                "date": "2024-01-01",
                "summary": "A film with no transcript.",
                "story_authors": inline_formset([]),
                "story_themes": inline_formset([]),
                "story_places": inline_formset([]),
                "story_providers": inline_formset([]),
                "story_activities": inline_formset([]),
                "body": streamfield(
                    [
                        (
                            "video",
                            {
                                "url": "https://youtu.be/dQw4w9WgXcQ",
                                "title": "Film",
                                "poster": "",
                                "transcript": transcript,
                                "audio_described_url": "",
                            },
                        )
                    ]
                ),
            }
        )

    add_url = f"/admin/pages/add/stories/storypage/{index.pk}/"
    response = admin_client.post(add_url, form_data(rich_text("")))
    assert response.status_code == 200
    assert not StoryPage.objects.filter(slug="a-film").exists()
    assert "Add a transcript" in response.content.decode()
    # The same form with a transcript is saved (as a draft): the transcript was the only fault.
    response = admin_client.post(add_url, form_data(rich_text("<p>Words spoken.</p>")))
    assert response.status_code == 302
    assert StoryPage.objects.get(slug="a-film").live is False


def test_translated_story_shows_theme_and_place_names_in_its_language(client, story_site):
    """wagtail-localize copies the inline rows unchanged, so a Welsh story may point at the
    English theme: it is still named, filtered and listed in Welsh."""
    from places.models import Place
    from stories.models import StoryTheme, Theme

    _home, index = story_site
    welsh = Locale.objects.get(language_code="cy")
    english_theme = Theme.objects.get(slug="children-in-care", locale=index.locale)
    welsh_theme = english_theme.copy_for_translation(welsh)
    welsh_theme.name = "Plant mewn gofal"
    welsh_theme.save()
    cardiff = Place.objects.get(code="GB-CRF", locale=index.locale)
    # load_places gives places their official Welsh names.
    assert Place.objects.get(code="GB-CRF", locale=welsh).name == "Caerdydd"
    welsh_index = index.copy_for_translation(welsh, copy_parents=True)
    welsh_index.save_revision().publish()
    story = StoryPageFactory(parent=welsh_index, title="Stori", places=["GB-CRF"])
    StoryTheme.objects.create(page=story, theme=english_theme)  # as the sync leaves it
    story.story_places.update(place=cardiff)

    html = soup(client.get(story.url))
    topics = [a.get_text() for a in html.select(".story__topics a")]
    assert topics == ["Plant mewn gofal", "Caerdydd"]
    listing = client.get(welsh_index.url, {"theme": "children-in-care"})
    cards = soup(listing).select(".story-results .story-card")
    assert [c.select_one(".card__title a").get_text() for c in cards] == ["Stori"]
    card = soup(client.get(welsh_index.url)).select_one(".story-featured")
    assert card.select_one(".story-card__themes").get_text(strip=True) == "Plant mewn gofal"
    # The English page keeps the English name.
    english_story = StoryPageFactory(parent=index, title="Story", themes=["children-in-care"])
    topics = [a.get_text() for a in soup(client.get(english_story.url)).select(".story__topics a")]
    assert topics == ["Children in care"]
