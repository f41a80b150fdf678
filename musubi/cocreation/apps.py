from django.apps import AppConfig


class CocreationConfig(AppConfig):
    name = "musubi.cocreation"
    label = "cocreation"
