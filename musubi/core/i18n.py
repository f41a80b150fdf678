"""Message ids that Django 6.1 added but its Japanese catalogue does not translate yet.

Listing them here lets makemessages put them into our catalogue, which takes precedence
over Django's; nothing imports this module.
"""

from django.utils.translation import gettext_lazy as _

DJANGO_GAPS = [
    _("- Select an option -"),
]
