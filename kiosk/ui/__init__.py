"""The visitor's words and the things they are shown with: messages in every language, the
languages, icons, translation markers and the visitor's display settings (no Flask)."""
