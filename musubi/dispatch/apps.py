from django.apps import AppConfig


class DispatchConfig(AppConfig):
    name = "musubi.dispatch"
    label = "dispatch"
