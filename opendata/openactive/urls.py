"""OpenActive: the dataset page, the RPDE feeds and the directory's concept schemes."""

from django.urls import path

from opendata.openactive import modelling, views
from opendata.openactive.models import FeedItem

app_name = "openactive"

urlpatterns = [
    path("", views.DatasetView.as_view(), name="dataset"),
    path(
        f"feeds/{FeedItem.Feed.ACTIVITIES}",
        views.ActivitiesFeedView.as_view(),
        name=f"feed-{FeedItem.Feed.ACTIVITIES}",
    ),
    path(
        f"feeds/{FeedItem.Feed.PROVIDERS}",
        views.ProvidersFeedView.as_view(),
        name=f"feed-{FeedItem.Feed.PROVIDERS}",
    ),
    path(
        f"{modelling.ART_FORMS}.jsonld",
        views.ArtFormsView.as_view(),
        name=modelling.ART_FORMS,
    ),
    path(
        f"{modelling.ACCESS_FEATURES}.jsonld",
        views.AccessFeaturesView.as_view(),
        name=modelling.ACCESS_FEATURES,
    ),
]
