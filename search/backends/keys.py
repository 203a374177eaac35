"""What the project's database backends need to know about a model's primary key."""

from django.db.models import IntegerField


def has_integer_key(model):
    """Whether ``model``'s primary key is an integer, following a child model's key to its
    parent's (an ActivityPage's is its Page's). The search index holds keys as text; ties in
    relevance go to the higher key, which only an integer cast orders as upstream does."""
    key = model._meta.pk
    while key.is_relation:
        key = key.target_field
    return isinstance(key, IntegerField)
