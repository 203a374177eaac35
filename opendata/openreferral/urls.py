"""Open Referral UK (HSDS 3.0, UK profile) read API: the profile's paths, with no trailing
slash, under /api/openreferral/."""

from django.urls import path

from opendata.openreferral import views

app_name = "openreferral"

urlpatterns = [
    path("", views.ApiRoot.as_view(), name="root"),
    path("services", views.ServiceList.as_view(), name="services"),
    path("services/<str:id>", views.ServiceDetail.as_view(), name="service"),
    path(
        "service_at_locations",
        views.ServiceAtLocationList.as_view(),
        name="service_at_locations",
    ),
    path(
        "service_at_locations/<str:id>",
        views.ServiceAtLocationDetail.as_view(),
        name="service_at_location",
    ),
    path("organizations", views.OrganizationList.as_view(), name="organizations"),
    path("organizations/<str:id>", views.OrganizationDetail.as_view(), name="organization"),
    path("taxonomies", views.TaxonomyList.as_view(), name="taxonomies"),
    path("taxonomies/<str:id>", views.TaxonomyDetail.as_view(), name="taxonomy"),
    path("taxonomy_terms", views.TaxonomyTermList.as_view(), name="taxonomy_terms"),
    path("taxonomy_terms/<str:id>", views.TaxonomyTermDetail.as_view(), name="taxonomy_term"),
]
