"""The stored archive that both sides read: model, schema, store, originals, registry, index."""
