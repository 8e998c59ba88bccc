"""Thin Flask views over the content service."""
