"""The ``searcher`` command's entry point (also ``python -m searcher``).

Ctrl-C at any moment after Python has started ends in one line and exit
status 130, also while Python is still loading searcher's modules, before a
verb has taken over (nothing was changed then).
"""

import contextlib
import os
import sys


def run() -> None:
    try:
        from searcher.cli import main

        main()
    except Exception as e:  # Ctrl-C that Python wrapped while a module loaded
        from searcher.errors import by_ctrl_c

        if not by_ctrl_c(e):
            raise
        _interrupted()
    except KeyboardInterrupt:
        _interrupted()
    except SystemExit as e:
        if e.code == 130:  # a verb stopped by Ctrl-C, its one line said
            _exit(130)
        raise


def _interrupted() -> None:
    from searcher.errors import interrupted

    sys.stderr.write(f"Error: {interrupted(sys.argv[1:2] == ['index'])}\n")
    _exit(130)


def _exit(status: int) -> None:
    """End now with status. Not sys.exit: a Ctrl-C that landed in code run by exec()
    (dataclasses do that while a module loads) makes Python end the process by SIGINT
    even after it was handled, instead of with status 130."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(status)


if __name__ == "__main__":
    run()
