"""Start the kiosk: `python run.py [--host H] [--port P]`, or `python run.py check`."""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main())
