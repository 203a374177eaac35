"""Models of the home app: the site-wide page types and the per-site settings. Split by
concern; import from here."""

from home.models.forms import FormField, FormPage
from home.models.mailing_list import Subscriber
from home.models.pages import HomePage, StandardPage
from home.models.settings import Footer, NavigationLink, SiteSettings

__all__ = [
    "Footer",
    "FormField",
    "FormPage",
    "HomePage",
    "NavigationLink",
    "SiteSettings",
    "StandardPage",
    "Subscriber",
]
