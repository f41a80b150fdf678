"""TOTP devices (django-otp) and their QR codes, rendered inline as SVG (no outside service)."""

import base64
from typing import Any

import qrcode
import qrcode.image.svg
from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_device_for_setup(user: Any) -> TOTPDevice:
    """The user's unconfirmed device, kept across page loads so the QR code stays the same."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Musubi", confirmed=False)
    return device


def b32_secret(device: TOTPDevice) -> str:
    """The key as authenticator apps expect it when typed by hand."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def qr_svg(data: str) -> str:
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    svg: bytes = image.to_string()
    return svg.decode()
