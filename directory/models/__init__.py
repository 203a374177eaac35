from directory.models.pages import (
    ActivityPage,
    ActivitySession,
    ActivityTag,
    DirectoryIndexPage,
    ProviderPage,
)
from directory.models.taxonomies import (
    AccessFeature,
    ArtForm,
    DeliveryLanguage,
    Format,
    Taxonomy,
)
from directory.models.venues import ProviderVenue

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
