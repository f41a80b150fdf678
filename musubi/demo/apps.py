from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo builder: above every app, so it may fill all of them (no models of its own)."""

    name = "musubi.demo"
    label = "demo"
    verbose_name = "Musubi demo"
