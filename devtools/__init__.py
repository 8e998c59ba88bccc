"""Tools that the tests, the benchmarks and the scripts share: headless Chromium with a kiosk
served in a thread, a private CUPS server, and /proc helpers. Never imported by the kiosk."""
