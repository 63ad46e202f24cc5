"""`python -m chronicle.cli.run_mkdocs build …`: MkDocs' own command line, run by `chronicle build`,
that ends the process without the interpreter's clean-up.

perf: after a build of 10,000 articles, Python spends about 1.3 s at exit freeing every object
one by one (measured), memory the operating system takes back at once anyway: 15% of a
rebuild after adding one article. Exit handlers (log flushing, temporary folders) still run.
"""

from __future__ import annotations

import atexit
import errno
import os
import sys

# A write the system refused for want of room or permission to write: the curator's to fix,
# said in one line (MkDocs would print a traceback). Any other OSError is a bug to report.
WRITE_ERRORS = (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG)


def main(argv: list[str]) -> int:
    from mkdocs.__main__ import cli

    try:
        cli.main(args=argv, prog_name="mkdocs")
    except SystemExit as exc:  # click ends with sys.exit(code), also on success
        code = exc.code
    except OSError as exc:
        if exc.errno not in WRITE_ERRORS:
            raise
        from chronicle.site.build.partial import describe

        code = f"Error: {describe(exc)}"
    else:
        code = 0
    if isinstance(code, str):  # what sys.exit would do with a message
        print(code, file=sys.stderr)
        code = 1
    return code or 0


def run(argv: list[str]) -> None:
    """`main`, then end the process at once (see above)."""
    status = main(argv)
    atexit._run_exitfuncs()  # the handlers os._exit would skip: logging's flush among them
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    run(sys.argv[1:])
