"""Background work for talents: the profile embedding, recomputed only when the text changed."""

from django.tasks import task

from musubi.talent.embedding import embedder, embedding_source, stored_embedding
from musubi.talent.models import Talent


@task
def talent_embed(talent_id: int) -> bool:
    """Store the float32 embedding of one talent's profile; True if it was recomputed."""
    from musubi.engines.matching.index import TalentIndex

    talent = Talent.objects.filter(pk=talent_id).first()
    if talent is None or stored_embedding(talent) is not None:
        return False
    from musubi.talent.embedding import engine_talent

    index = TalentIndex(embedder=embedder(), capacity=16)
    index.upsert(engine_talent(talent))
    talent.embedding = index.embedding_bytes(str(talent.pk))
    talent.embedding_model = embedder().name
    talent.embedding_source = embedding_source(talent)
    # update_fields keeps updated_at (the profile's own change time) as it was.
    talent.save(update_fields=["embedding", "embedding_model", "embedding_source"])
    return True
