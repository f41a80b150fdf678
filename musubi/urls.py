from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import URLPattern, URLResolver, include, path

from musubi.access import views as coop_views
from musubi.access import views_tokens
from musubi.api.api import api
from musubi.cocreation.talent_urls import urlpatterns as talent_cocreation_urls
from musubi.core import views as core_views
from musubi.members import views as member_views
from musubi.talent import urls as talent_urls
from musubi.workforce import views as worker_views

account = [
    path("login/", core_views.login_view, name="login"),
    path("logout/", core_views.logout_view, name="logout"),
    path("two-factor/", core_views.two_factor, name="two_factor"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(template_name="core/password_reset.html"),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="core/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="core/password_reset_confirm.html"
        ),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="core/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("invitation/<str:token>/", coop_views.invitation_accept_view, name="invitation_accept"),
    path("api-tokens/", views_tokens.api_tokens, name="api_tokens"),
    path(
        "api-tokens/<int:pk>/revoke/", views_tokens.api_token_revoke_view, name="api_token_revoke"
    ),
]

cooperative: list[URLPattern | URLResolver] = [
    path("", coop_views.coop_home, name="coop_home"),
    path("members/", member_views.member_list, name="member_list"),
    path("members/new/", member_views.member_edit, name="member_create"),
    path("members/<int:pk>/", member_views.member_edit, name="member_edit"),
    path("sites/", member_views.site_list, name="site_list"),
    path("sites/new/", member_views.site_edit, name="site_create"),
    path("sites/<int:pk>/", member_views.site_edit, name="site_edit"),
    path("workers/", worker_views.worker_list, name="worker_list"),
    path("workers/new/", worker_views.worker_edit, name="worker_create"),
    path("workers/<int:pk>/", worker_views.worker_edit, name="worker_edit"),
    path(
        "workers/<int:pk>/qualifications/",
        worker_views.qualification_add,
        name="qualification_add",
    ),
    path("dispatch/", include("musubi.dispatch.urls")),
    path("cocreation/", include("musubi.cocreation.urls")),
    path("people/", coop_views.people, name="people"),
    path("settings/", coop_views.coop_settings, name="coop_settings"),
    path("audit/", core_views.audit_log, name="audit_log"),
    path("business/", member_views.my_business, name="my_business"),
    path("me/", worker_views.my_worker_profile, name="my_worker_profile"),
]

urlpatterns = [
    path("", coop_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("account/", include(account)),
    path("c/<slug:coop>/", include(cooperative)),
    # One namespace for every /talent/ page: the talent app's own and co-creation's.
    path("talent/", include((talent_urls.urlpatterns + talent_cocreation_urls, "talent"))),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
