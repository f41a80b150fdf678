from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "musubi.core"
    label = "core"
    verbose_name = "Musubi"
