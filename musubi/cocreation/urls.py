"""Routes inside /c/<coop>/cocreation/ (mounted by musubi/urls.py)."""

from django.urls import path

from musubi.cocreation import views, views_work

app_name = "cocreation"

urlpatterns = [
    path("", views.challenge_list, name="challenge_list"),
    path("new/", views.challenge_create, name="challenge_create"),
    path("<int:challenge_pk>/", views.challenge_detail, name="challenge_detail"),
    path("<int:challenge_pk>/scope/", views.challenge_scope, name="challenge_scope"),
    path("<int:challenge_pk>/meeting/", views.meeting_create, name="meeting_create"),
    path(
        "<int:challenge_pk>/invite/<int:talent_pk>/",
        views.invitation_send,
        name="invitation_send",
    ),
    path(
        "<int:challenge_pk>/engage/<int:talent_pk>/",
        views.engagement_create,
        name="engagement_create",
    ),
    path("talents/<int:talent_pk>/", views.talent_profile, name="talent_profile"),
    path("meetings/<int:meeting_pk>.ics", views.meeting_ics, name="meeting_ics"),
    path("engagements/", views_work.engagement_list, name="engagement_list"),
    path(
        "engagements/<int:engagement_pk>/", views_work.engagement_detail, name="engagement_detail"
    ),
    path("engagements/<int:engagement_pk>/sprint/", views_work.sprint_create, name="sprint_create"),
    path("engagements/<int:engagement_pk>/item/", views_work.item_add, name="item_add"),
    path("engagements/<int:engagement_pk>/review/", views_work.review_business, name="review"),
    path("engagements/<int:engagement_pk>/end/", views_work.engagement_end, name="engagement_end"),
    path("items/<int:item_pk>/move/", views_work.item_move, name="item_move"),
    path("sprints/<int:sprint_pk>/review/", views_work.sprint_review, name="sprint_review"),
    path("hours/", views_work.hours_month, name="hours_month"),
    path("hours/<int:talent_pk>/approve/", views_work.hours_approve, name="hours_approve"),
    path("statements/<int:statement_pk>/", views_work.statement_detail, name="statement"),
]
