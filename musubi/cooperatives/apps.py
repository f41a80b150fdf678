from django.apps import AppConfig


class CooperativesConfig(AppConfig):
    """Kept for its migration history: its models moved to core (Cooperative) and access
    (Membership, Invitation) with their tables; see those apps' migrations."""

    name = "musubi.cooperatives"
    label = "cooperatives"
