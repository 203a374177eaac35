from showcase.models.artworks import Artwork, ArtworkChild, ArtworkQuerySet
from showcase.models.consent import DEFAULT_CONSENT_DAYS, Child, ConsentRecord
from showcase.models.pages import ShowcaseIndexPage, ShowcasePage
from showcase.models.withdrawals import WithdrawalRequest

__all__ = [
    "DEFAULT_CONSENT_DAYS",
    "Artwork",
    "ArtworkChild",
    "ArtworkQuerySet",
    "Child",
    "ConsentRecord",
    "ShowcaseIndexPage",
    "ShowcasePage",
    "WithdrawalRequest",
]
