"""The OpenAPI shape of a proposal's ``result`` (``applications.api.serializers.ProposalResultField``).

applications cannot name selection's serializer, so selection describes the field with drf-spectacular's
field extension; imported from ``SelectionConfig.ready``, which registers it.
"""
from drf_spectacular.extensions import OpenApiSerializerFieldExtension


class ProposalResultFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "applications.api.serializers.ProposalResultField"

    def map_serializer_field(self, auto_schema, direction):
        from .serializers import ProposalResultSerializer

        component = auto_schema.resolve_serializer(ProposalResultSerializer, direction)
        return {"oneOf": [component.ref], "nullable": True}
