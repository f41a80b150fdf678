from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "musubi.workforce"
    label = "workforce"
