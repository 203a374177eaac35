from django.urls import path, re_path

from backpack import views

app_name = "backpack"

# Tokens are URL-safe base64 (secrets.token_urlsafe); anything else never reaches a view.
KEY = r"(?P<token>[A-Za-z0-9_-]{20,64})"
ITEM = r"(?P<pk>[0-9]{1,9})"

urlpatterns = [
    path("", views.saved_list, name="saved"),
    path("save/", views.toggle_saved, name="toggle"),
    path("new/", views.create_backpack, name="create"),
    path("request/<int:activity_id>/", views.booking_request, name="request"),
    path("request/sent/", views.request_sent, name="request_sent"),
    re_path(rf"^class/{KEY}/$", views.edit_backpack, name="edit"),
    re_path(rf"^class/{KEY}/details/$", views.edit_details, name="details"),
    re_path(rf"^class/{KEY}/add/$", views.add_activities, name="add"),
    re_path(rf"^class/{KEY}/plan/{ITEM}/$", views.update_experience, name="update"),
    re_path(
        rf"^class/{KEY}/plan/{ITEM}/remove/$",
        views.remove_experience,
        name="remove",
    ),
    re_path(rf"^class/{KEY}/plan/{ITEM}/done/$", views.after_visit, name="after_visit"),
    re_path(rf"^class/{KEY}/email/$", views.email_link, name="email"),
    re_path(rf"^class/{KEY}/school/$", views.create_school, name="create_school"),
    re_path(rf"^class/{KEY}/delete/$", views.delete_backpack, name="delete"),
    re_path(rf"^shared/{KEY}/$", views.view_backpack, name="view"),
    re_path(rf"^shared/{KEY}/print/$", views.print_backpack, name="print"),
    re_path(rf"^shared/{KEY}/calendar\.ics$", views.calendar_feed, name="calendar"),
    re_path(rf"^school/{KEY}/$", views.school_page, name="school"),
]
