"""The kiosk's tests (a package, so it is not confused with other packages named tests)."""
