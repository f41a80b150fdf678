"""Co-creation's pages for city talents, mounted at /talent/ by musubi/urls.py (namespace
``talent``, shared with the talent app's own pages)."""

from django.urls import path

from musubi.cocreation import talent_views

urlpatterns = [
    path("", talent_views.talent_home, name="home"),
    path("challenges/", talent_views.challenge_board, name="challenges"),
    path(
        "challenges/<int:challenge_pk>/interest/",
        talent_views.challenge_interest,
        name="challenge_interest",
    ),
    path(
        "invitations/<int:invitation_pk>/",
        talent_views.invitation_respond,
        name="invitation_respond",
    ),
    path("engagements/<int:engagement_pk>/", talent_views.engagement_detail, name="engagement"),
    path(
        "engagements/<int:engagement_pk>/accept/",
        talent_views.engagement_accept,
        name="engagement_accept",
    ),
    path("engagements/<int:engagement_pk>/hours/", talent_views.timelog_add, name="timelog_add"),
    path("engagements/<int:engagement_pk>/review/", talent_views.review_talent, name="review"),
    path("engagements/<int:engagement_pk>/item/", talent_views.item_add, name="item_add"),
    path(
        "engagements/<int:engagement_pk>/end/", talent_views.engagement_end, name="engagement_end"
    ),
    path("items/<int:item_pk>/move/", talent_views.item_move, name="item_move"),
    path("meetings/<int:meeting_pk>.ics", talent_views.meeting_ics, name="meeting_ics"),
]
