"""Models of the home app: the shared image model, the abstract base page, the site-wide page
types and the per-site settings. Split by concern; import from here."""

from home.models.base import BasePage, SiteImage, SiteRendition
from home.models.forms import FormField, FormPage
from home.models.pages import HomePage, StandardPage
from home.models.settings import Footer, NavigationLink, SiteSettings

__all__ = [
    "BasePage",
    "Footer",
    "FormField",
    "FormPage",
    "HomePage",
    "NavigationLink",
    "SiteImage",
    "SiteRendition",
    "SiteSettings",
    "StandardPage",
]
