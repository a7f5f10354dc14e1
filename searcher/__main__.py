"""The ``searcher`` command's entry point (also ``python -m searcher``).

Ctrl-C at any moment after Python has started ends in one line and exit
status 130, also while Python is still loading searcher's modules, before a
verb has taken over (nothing was changed then); SIGTERM the same way with exit
status 143 (see ``searcher.stopping``).
"""

import sys

from searcher import stopping  # loaded with the package already: no cost


def run() -> None:
    stopping.install()
    try:
        from searcher.cli import main

        main()
    except Exception as e:  # Ctrl-C that Python wrapped while a module loaded
        if not stopping.by_ctrl_c(e):
            raise
        _stopped(e)
    except KeyboardInterrupt as e:
        _stopped(e)
    except SystemExit as e:
        if e.code in (130, 143):  # a verb stopped by Ctrl-C or SIGTERM, its one line said
            stopping.exit_now(e.code)
        raise


def _stopped(e: BaseException) -> None:
    sys.stderr.write(f"Error: {stopping.message(stopping.writes(sys.argv[1:]), e)}\n")
    stopping.exit_now(stopping.status(e))


if __name__ == "__main__":
    run()
