from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "musubi.members"
    label = "members"
