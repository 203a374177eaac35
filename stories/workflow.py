"""Every change to a story goes through the "Stories review" workflow (created by
stories/migrations/0003_stories_review_workflow.py), approved by the "Story reviewers" group,
in every language: ``STORIES_REVIEW`` (registered in stories/wagtail_hooks.py) follows a
stories page into its translations, by the site's one editorial rule (core/editorial.py)."""

from core.editorial import EditorialPolicy, put_under_review

REVIEWERS_GROUP = "Story reviewers"
REVIEW_WORKFLOW = "Stories review"

STORIES_REVIEW = EditorialPolicy(
    page_types=("stories.StoryIndexPage",),
    workflow=REVIEW_WORKFLOW,
    reviewers=REVIEWERS_GROUP,
)


def set_up_story_review(index):
    put_under_review(index, STORIES_REVIEW)
