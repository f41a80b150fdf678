"""This app's API routes (mounted by musubi/api/api.py). Fetch objects via access functions."""

from ninja import Router

router = Router(tags=["dispatch"])
