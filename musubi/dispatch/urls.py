"""Routes inside /c/<coop>/dispatch/ (mounted by musubi/urls.py)."""

from django.urls import path, re_path

from musubi.dispatch import views, views_docs, views_grid, views_people, views_settings

app_name = "dispatch"

urlpatterns = [
    path("", views.home, name="home"),
    path("requests/", views.request_list, name="request_list"),
    path("requests/new/", views.request_edit, name="request_create"),
    path("requests/sites/", views.request_sites, name="request_sites"),
    path("requests/<int:request_pk>/", views.request_edit, name="request_edit"),
    path("requests/<int:request_pk>/decide/", views.request_decide, name="request_decide"),
    path("requests/<int:request_pk>/copy/", views.request_copy, name="request_copy"),
    path("demand/", views.demand_chart, name="demand"),
    path("rosters/new/", views.roster_new, name="roster_new"),
    path("rosters/<int:roster_pk>/", views.roster_detail, name="roster_detail"),
    path("rosters/<int:roster_pk>/run/", views.roster_run, name="roster_run"),
    path("rosters/<int:roster_pk>/shifts/", views.shift_add, name="shift_add"),
    path("rosters/<int:roster_pk>/shifts/check/", views.shift_preview, name="shift_preview"),
    path("rosters/<int:roster_pk>/cell/", views_grid.roster_cell, name="roster_cell"),
    path("rosters/<int:roster_pk>/cell/add/", views_grid.cell_add, name="cell_add"),
    path("rosters/<int:roster_pk>/print/", views_grid.roster_print, name="roster_print"),
    path("rosters/<int:roster_pk>/roster.pdf", views_grid.roster_pdf, name="roster_pdf"),
    path(
        "rosters/<int:roster_pk>/roster.<str:fmt>", views_grid.roster_export, name="roster_export"
    ),
    path("shifts/<int:shift_pk>/cell/remove/", views_grid.cell_remove, name="cell_remove"),
    path("shifts/<int:shift_pk>/cell/swap/", views_grid.cell_swap, name="cell_swap"),
    path("shifts/<int:shift_pk>/cell/swap/check/", views_grid.swap_check, name="swap_check"),
    path("timesheets.<str:fmt>", views_grid.timesheet_export, name="timesheet_export"),
    path("rosters/<int:roster_pk>/publish/", views.roster_publish_view, name="roster_publish"),
    path("rosters/<int:roster_pk>/close/", views.roster_close_view, name="roster_close"),
    path("rosters/<int:roster_pk>/repair/", views.repair_start, name="repair_start"),
    path("rosters/<int:roster_pk>/skills/", views_people.skill_sheets, name="skill_sheets"),
    path(
        "rosters/<int:roster_pk>/workers/<int:worker_pk>/terms.pdf",
        views_docs.terms_notice,
        name="terms_notice",
    ),
    path(
        "rosters/<int:roster_pk>/members/<int:member_pk>/notice.pdf",
        views_docs.client_notice,
        name="client_notice",
    ),
    path("runs/<int:run_pk>/", views.run_progress, name="run_progress"),
    path("runs/<int:run_pk>/compare/", views.repair_compare, name="repair_compare"),
    path("runs/<int:run_pk>/accept/", views.repair_accept_view, name="repair_accept"),
    path("shifts/<int:shift_pk>/delete/", views.shift_delete, name="shift_delete"),
    path("shifts/<int:shift_pk>/timesheet/", views_people.timesheet_edit, name="timesheet_edit"),
    path(
        "shifts/<int:shift_pk>/confirm/",
        views_people.timesheet_confirm_view,
        name="timesheet_confirm",
    ),
    path("timesheets/", views_people.timesheet_list, name="timesheet_list"),
    path("timesheets/confirm/", views_people.timesheet_confirm_many, name="timesheet_confirm_many"),
    path("leave/", views_people.leave_list, name="leave_list"),
    path("leave/<int:leave_pk>/decide/", views_people.leave_decide, name="leave_decide"),
    path("compliance/", views_docs.compliance, name="compliance"),
    path("compliance.csv", views_docs.compliance_csv, name="compliance_csv"),
    path("compliance.xlsx", views_docs.compliance_xlsx, name="compliance_xlsx"),
    path("paid-leave-book.<str:fmt>", views_docs.leave_book, name="leave_book"),
    # Only the formats the view writes; any other suffix is a 404, not a server error.
    re_path(r"^ledger\.(?P<fmt>csv|xlsx)$", views_docs.ledger, name="ledger"),
    path("me/shifts/", views_people.my_shifts, name="my_shifts"),
    path("me/feed/reset/", views_people.my_feed_reset, name="my_feed_reset"),
    path("me/days/", views_people.my_days, name="my_days"),
    path("me/leave/", views_people.my_leave, name="my_leave"),
    path("agreements/", views_settings.agreement_list, name="agreement_list"),
    path("agreements/new/", views_settings.agreement_edit, name="agreement_create"),
    path("agreements/<int:agreement_pk>/", views_settings.agreement_edit, name="agreement_edit"),
    path("periods/", views_settings.period_list, name="period_list"),
    path("periods/new/", views_settings.period_edit, name="period_create"),
    path("periods/<int:period_pk>/", views_settings.period_edit, name="period_edit"),
    path("calendar/", views_settings.calendar, name="calendar"),
    path("calendar/<int:day_pk>/remove/", views_settings.calendar_remove, name="calendar_remove"),
    path("document-texts/", views_settings.terms_edit, name="terms_edit"),
    path("feed/<str:feed_token>.ics", views_people.calendar_feed, name="calendar_feed"),
]
