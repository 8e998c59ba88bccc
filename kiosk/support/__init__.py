"""Plumbing the services share: helper processes, a memory-bounded LRU, atomic file writes,
SQLite connections, shared renderings, the status shape and the secret key (no Flask)."""
