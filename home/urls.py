from django.urls import path

from home.views import unsubscribe

urlpatterns = [
    path("unsubscribe/<str:token>/", unsubscribe, name="mailing_list_unsubscribe"),
]
