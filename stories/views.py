"""The story list's response: validate the query string, filter, paginate, render."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from core.fragments import when_shown
from stories.feeds import feed_links
from stories.listing import (
    StoryFilterForm,
    filter_options,
    filter_stories,
    story_scope,
    with_card_data,
)

PER_PAGE = 12


def serve_listing(index, request):
    form = StoryFilterForm(request.GET)
    filters = form.filters()

    def shown():
        scope = story_scope(index)  # built once: .public() looks up view restrictions when built
        stories = scope
        featured = None
        if filters.is_active():
            stories = filter_stories(stories, filters)
        else:
            # Unfiltered, the featured story leads the page and is not repeated in the list.
            featured = index.featured(scope)
            if featured is not None:
                stories = stories.exclude(pk=featured.pk)
        paginator = Paginator(with_card_data(stories), PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        if page_obj.number > 1:
            featured = None
        return {
            "options": filter_options(index, scope),
            "feeds": feed_links(index, request, filters.kind),
            "featured": featured,
            "page_obj": page_obj,
            "stories": page_obj.object_list,
            "result_count": paginator.count + (1 if featured else 0),
        }

    context = index.get_context(request)
    # The listing is read only by the page's kept parts (core/fragments.py): when they are
    # kept, none of it is read again.
    context.update(
        when_shown(shown, "options", "feeds", "featured", "page_obj", "stories", "result_count"),
        form=form,
        filters=filters,
    )
    status = 400 if form.errors else 200
    return TemplateResponse(request, index.get_template(request), context, status=status)
