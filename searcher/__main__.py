"""The ``searcher`` command's entry point (also ``python -m searcher``).

Ctrl-C while Python is still loading searcher's modules, before a verb has
taken over, still ends in one line and exit status 130: nothing was changed.
"""

import sys


def run() -> None:
    try:
        from searcher.cli import main

        main()
    except KeyboardInterrupt:
        from searcher.errors import interrupted

        sys.stderr.write(f"Error: {interrupted(sys.argv[1:2] == ['index'])}\n")
        sys.exit(130)


if __name__ == "__main__":
    run()
