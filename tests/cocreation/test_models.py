"""Every co-creation model is a tenant model: a query outside a cooperative's scope raises."""

import pytest
from django.apps import apps
from django_scopes.exceptions import ScopeError

from musubi.core.models import TenantModel


def test_every_cocreation_model_is_scoped_to_a_cooperative() -> None:
    models = list(apps.get_app_config("cocreation").get_models())
    assert len(models) >= 10
    for model in models:
        assert issubclass(model, TenantModel), model
        assert hasattr(model.objects, "with_scopes_disabled"), model


@pytest.mark.django_db
def test_a_query_outside_any_scope_raises() -> None:
    for model in apps.get_app_config("cocreation").get_models():
        with pytest.raises(ScopeError):
            list(model.objects.all())
