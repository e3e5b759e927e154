"""The monthly map-reduce report: facts per ticket (map), deterministic aggregate (reduce)."""
