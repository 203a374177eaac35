from django.urls import path

from showcase.views import artwork_media

urlpatterns = [
    path("<int:pk>/<slug:size>.jpg", artwork_media, name="showcase_media"),
]
