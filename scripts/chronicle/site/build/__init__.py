"""Build speed: caches, keys, the incremental plan and the forked helper."""
