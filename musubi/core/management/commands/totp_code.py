"""``musubi totp-code EMAIL``: print the current code of a user's confirmed TOTP device.

Meant for demos and local development, where the demo logins' keys are public anyway
(see ``musubi.demo.data.TOTP_KEY_SALT``); it reads nothing a database owner could not.
"""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from musubi.core.models import User


def current_code(device: TOTPDevice) -> str:
    """The token the device would accept now, zero-padded to its digit count."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


class Command(BaseCommand):
    help = "Print the current TOTP code of the user's confirmed device (for demo logins)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email", help="The login e-mail address.")
        parser.add_argument(
            "--uri",
            action="store_true",
            help="Also print the otpauth:// address, to add the key to an authenticator app.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        email = options["email"].strip().lower()
        user = User.objects.filter(email=email).first()
        if user is None:
            raise CommandError(f"ユーザーが見つかりません (No such user): {email}")
        devices = list(TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id"))
        if not devices:
            raise CommandError(
                f"確認済みのTOTP端末がありません (No confirmed TOTP device): {email}"
            )
        for device in devices:
            code = current_code(device)
            # One device is the normal case: print the bare code so scripts can use it.
            self.stdout.write(code if len(devices) == 1 else f"{code}  {device.name}")
            if options["uri"]:
                self.stdout.write(device.config_url)
