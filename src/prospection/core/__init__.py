"""Domain and storage of Prospection. Nothing in this package imports Qt."""
