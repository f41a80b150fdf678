from django.apps import AppConfig


class TalentConfig(AppConfig):
    name = "musubi.talent"
    label = "talent"
