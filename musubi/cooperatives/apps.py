from django.apps import AppConfig


class CooperativesConfig(AppConfig):
    name = "musubi.cooperatives"
    label = "cooperatives"
