from stories.models.pages import (
    StoryActivity,
    StoryAuthor,
    StoryIndexPage,
    StoryPage,
    StoryPlace,
    StoryProvider,
    StoryTheme,
)
from stories.models.snippets import Author, Theme

__all__ = [
    "Author",
    "StoryActivity",
    "StoryAuthor",
    "StoryIndexPage",
    "StoryPage",
    "StoryPlace",
    "StoryProvider",
    "StoryTheme",
    "Theme",
]
