from directory.models.pages import (
    ActivityPage,
    ActivitySession,
    ActivityTag,
    DirectoryIndexPage,
    ProviderPage,
    ProviderVenue,
)
from directory.models.taxonomies import (
    AccessFeature,
    ArtForm,
    DeliveryLanguage,
    Format,
    Taxonomy,
)

__all__ = [
    "AccessFeature",
    "ActivityPage",
    "ActivitySession",
    "ActivityTag",
    "ArtForm",
    "DeliveryLanguage",
    "DirectoryIndexPage",
    "Format",
    "ProviderPage",
    "ProviderVenue",
    "Taxonomy",
]
