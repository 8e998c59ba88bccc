"""Caches of the web layer: rendered pages (shared by visitors) and whole responses (per
browser). Neither is a view; both are plain Python and could serve another framework."""
