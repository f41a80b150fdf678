"""Who may see which member business and site: coordinators all, a member user its own."""

from django.db.models import QuerySet
from django.http import Http404

from musubi.core.models import Cooperative, Role
from musubi.core.tenancy import Viewer
from musubi.members.models import MemberBusiness, Site


def _own_business(viewer: Viewer | None) -> int | None:
    """The member business a member user is tied to; None for roles that see every business."""
    if viewer is not None and viewer.role == Role.MEMBER:
        return viewer.member_business_id
    return None


def members_for(*, cooperative: Cooperative, viewer: Viewer | None) -> QuerySet[MemberBusiness]:
    queryset = MemberBusiness.objects.filter(cooperative=cooperative)
    own = _own_business(viewer)
    return queryset if own is None else queryset.filter(pk=own)


def member_get_for(
    *, cooperative: Cooperative, viewer: Viewer | None, member_pk: int
) -> MemberBusiness:
    member = members_for(cooperative=cooperative, viewer=viewer).filter(pk=member_pk).first()
    if member is None:
        raise Http404
    return member


def sites_for(*, cooperative: Cooperative, viewer: Viewer | None) -> QuerySet[Site]:
    queryset = Site.objects.filter(cooperative=cooperative)
    own = _own_business(viewer)
    return queryset if own is None else queryset.filter(member_id=own)
