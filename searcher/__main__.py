"""The ``searcher`` command's entry point (also ``python -m searcher``).

Ctrl-C at any moment after Python has started ends in one line and exit
status 130, also while Python is still loading searcher's modules, before a
verb has taken over (nothing was changed then). SIGTERM (a service stopped,
``timeout``) is handled the same way, with exit status 143.
"""

import contextlib
import os
import signal
import sys

from searcher.errors import Terminated  # loaded with the package already: no cost


def run() -> None:
    if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:  # an ignored one stays ignored
        signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        from searcher.cli import main

        main()
    except Exception as e:  # Ctrl-C that Python wrapped while a module loaded
        from searcher.errors import by_ctrl_c

        if not by_ctrl_c(e):
            raise
        _interrupted(e)
    except KeyboardInterrupt as e:
        _interrupted(e)
    except SystemExit as e:
        if e.code in (130, 143):  # a verb stopped by Ctrl-C or SIGTERM, its one line said
            _exit(e.code)
        raise


def _on_sigterm(signum, frame) -> None:
    raise Terminated


def _interrupted(e: BaseException) -> None:
    from searcher.errors import interrupted, stop_status

    sys.stderr.write(f"Error: {interrupted(sys.argv[1:2] == ['index'], e)}\n")
    _exit(stop_status(e))


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
