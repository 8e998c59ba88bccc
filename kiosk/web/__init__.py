"""The web layer: everything that imports Flask. Views stay thin; the work is in the services."""
