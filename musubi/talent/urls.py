"""The talent's own pages (sign-up, profile, consents), mounted at /talent/ by musubi/urls.py
together with co-creation's pages for talents (musubi/cocreation/talent_urls.py)."""

from django.urls import path

from musubi.talent import views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("profile/", views.profile, name="profile"),
    path("consents/", views.consents, name="consents"),
]
