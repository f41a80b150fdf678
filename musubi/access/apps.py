from django.apps import AppConfig


class AccessConfig(AppConfig):
    """Memberships, invitations and the door into a cooperative (above members and workforce)."""

    name = "musubi.access"
    label = "access"
    verbose_name = "Musubi access"
