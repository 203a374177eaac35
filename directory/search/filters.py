"""Validated filter values: what a search is asked for, whoever asks.

The directory page builds them from its form's cleaned data; a feed, a report or an API
builds them from its own parameters. They are frozen, so a search can never change what it
was given (one ``Filters`` can be searched twice, logged, or compared). The constants both
this package and the form need live here, so the search never imports the form layer.
"""

from dataclasses import dataclass, fields, replace

from directory.models import AccessFeature, ArtForm, DeliveryLanguage, Format
from places.models import Place

DEFAULT_RADIUS = 10  # miles
# The place value that means "anywhere": a regional site's directory otherwise starts from its
# own nation when no place or postcode is given.
WHOLE_UK = "uk"

# Taxonomy filters: name -> (model, "any" or "all" of the chosen values). Access needs must
# all be met; for the others any chosen value will do.
TAXONOMY_FILTERS = {
    "art_form": (ArtForm, "any"),
    "format": (Format, "any"),
    "access": (AccessFeature, "all"),
    "language": (DeliveryLanguage, "any"),
}
# How each taxonomy filter reaches an activity: (its many-to-many field, the term's column in
# the link table).
RELATIONS = {
    "art_form": ("art_forms", "artform"),
    "format": ("formats", "format"),
    "access": ("access_features", "accessfeature"),
    "language": ("delivery_languages", "deliverylanguage"),
}
RELATIONS_BY_FIELD = dict(RELATIONS.values())
BOOLEAN_FILTERS = ("free", "in_care", "cpd")
# Multi-valued filters, kept as tuples so a Filters cannot be changed through them either.
MULTIPLE = tuple(TAXONOMY_FILTERS)


@dataclass(frozen=True)
class Filters:
    q: str = ""
    place: Place | None = None
    postcode: object | None = None  # a places.postcodes.District
    radius: int = DEFAULT_RADIUS  # miles
    art_form: tuple = ()
    age_range: tuple | None = None  # (from, to); either end may be None
    stage: object | None = None  # a places.stages.Stage
    format: tuple = ()
    free: bool = False
    max_price: object | None = None
    date_from: object | None = None
    date_to: object | None = None
    access: tuple = ()
    language: tuple = ()
    in_care: bool = False
    cpd: bool = False
    sort: str = ""
    page: int = 1
    # Narrower conditions the directory page does not ask for yet (the open-data API does;
    # directory/forms.py could add them as fields). They are not in ``active_keys``: dropping
    # one is never suggested, and facets count within them.
    age_within: tuple | None = None  # (youngest at least, oldest at most); either end None
    weekdays: tuple = ()  # ISO weekdays (1 = Monday) a dated session falls on
    time_from: object | None = None  # a dated session starts at or after this time of day
    time_to: object | None = None  # ... and ends at or before this one (same session)
    modified_after: object | None = None  # an aware datetime: published then or since
    with_terms: tuple = ()  # taxonomy filter names the activity has at least one term of
    at_venue: bool = False  # only activities held at a venue (a name or postcode given)

    def __post_init__(self):
        for name in MULTIPLE:
            value = getattr(self, name)
            if not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value or ()))
        for name in ("age_range", "age_within"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))
        for name in ("weekdays", "with_terms"):
            if not isinstance(getattr(self, name), tuple):
                object.__setattr__(self, name, tuple(getattr(self, name) or ()))

    @classmethod
    def from_cleaned_data(cls, data):
        """Filters from a form's (or an API's) already validated values; missing or empty
        values take their defaults."""
        names = {f.name for f in fields(cls)}
        values = {name: data[name] for name in names if data.get(name) not in (None, "")}
        values.setdefault("radius", DEFAULT_RADIUS)
        values.setdefault("page", 1)
        return cls(**values)

    def narrows(self):
        """Whether anything beyond the words narrows the scope: if not, every activity in scope
        matching the words is a match, and a search can say so without asking the database.
        The filters in use (``active_keys``) and the narrower conditions, which have no key;
        tests/directory/test_search_package.py checks every field of the class narrows."""
        youngest, oldest = self.age_within or (None, None)
        return bool(
            self.active_keys()
            or youngest is not None
            or oldest is not None
            or self.weekdays
            or self.time_from
            or self.time_to
            or self.modified_after
            or self.with_terms
            or self.at_venue
        )

    def nation_alone(self):
        """The nation, when a nation is all that narrows the search (no words, no other
        filter; the sort and the page of results make no difference to what matches): a
        regional site's directory as it first opens, its nation chosen for the reader.
        Otherwise None."""
        if self.place is None or self.q or self.place.kind != Place.Kind.NATION:
            return None
        rest = replace(self, place=None, sort="", page=1)
        return None if rest.narrows() else self.place

    def active_keys(self):
        """The filters in use, by the name a suggestion would drop (text excluded)."""
        keys = []
        for name in ("place", "postcode", "stage"):
            if getattr(self, name):
                keys.append(name)
        # As apply_filters reads them: a date range with either end, a maximum price of 0.
        if self.date_from or self.date_to:
            keys.append("date_from")
        if self.max_price is not None:
            keys.append("max_price")
        if self.age_range:
            keys.append("age")
        for name in (*TAXONOMY_FILTERS, *BOOLEAN_FILTERS):
            if getattr(self, name):
                keys.append(name)
        return keys

    @property
    def effective_sort(self):
        """The sort asked for, unless it needs a postcode or keywords that are missing."""
        usable = {"nearest": bool(self.postcode), "relevance": bool(self.q)}
        if self.sort and usable.get(self.sort, True):
            return self.sort
        if self.q:
            return "relevance"
        if self.postcode:
            return "nearest"
        return "soonest"
