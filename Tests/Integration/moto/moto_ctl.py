#!/usr/bin/env python3
"""Small helpers for scripts/test around a local moto server (standard library only).

    moto_ctl.py free-port
        Print a free TCP port on 127.0.0.1 (bind to port 0, read the port, close).

    moto_ctl.py wait URL [--timeout 30] [--pid PID] [--log FILE]
        Poll GET URL/moto-api/ until it answers 200. Exit 0 when it does; exit 1
        when the timeout passes or the process PID has died, printing the tail of
        FILE so the cause is visible.

    moto_ctl.py exec -- COMMAND [ARGS…]
        Exec COMMAND so that it gets SIGTERM when the process that started it dies (Linux
        PR_SET_PDEATHSIG), so a moto server never outlives scripts/test, even one killed with -9.

The server itself is started and stopped by scripts/test (it owns the trap).
"""

import argparse
import os
import socket
import sys
import time
import urllib.error
import urllib.request


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (exited, not yet reaped by the shell) still "exists" for kill(0).
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ", 1)[1][:1] != "Z"
    except OSError:
        return True


def tail(path: str, lines: int = 40) -> str:
    try:
        with open(path, errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError as e:
        return f"(no log: {e})\n"


def wait(url: str, timeout: float, pid: int | None, log: str | None) -> int:
    deadline = time.monotonic() + timeout
    probe = url.rstrip("/") + "/moto-api/"
    last_error = "no attempt"
    while time.monotonic() < deadline:
        if pid is not None and not alive(pid):
            last_error = f"moto_server (pid {pid}) exited"
            break
        try:
            with urllib.request.urlopen(probe, timeout=2) as r:
                if r.status == 200:
                    return 0
                last_error = f"HTTP {r.status}"
        except (urllib.error.URLError, OSError) as e:
            last_error = str(e)
        time.sleep(0.2)
    else:
        last_error = f"no answer from {probe} within {timeout:.0f}s ({last_error})"
    sys.stderr.write(f"error: moto did not start: {last_error}\n")
    if log:
        sys.stderr.write(f"--- last lines of {log} ---\n{tail(log)}--- end of log ---\n")
    return 1


def exec_with_parent_death_signal(argv: list[str]) -> int:
    if argv and argv[0] == "--":
        argv = argv[1:]
    if not argv:
        sys.stderr.write("error: exec needs a command\n")
        return 2
    parent = os.getppid()
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        if os.getppid() != parent:  # the parent already died before prctl
            return 1
    except (OSError, AttributeError):
        pass  # not Linux: scripts/test's trap still stops the server
    os.execvp(argv[0], argv)
    return 127  # not reached


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "exec":
        return exec_with_parent_death_signal(sys.argv[2:])
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("free-port")
    sub.add_parser("exec", help="exec -- COMMAND [ARGS...] with a parent-death signal")
    w = sub.add_parser("wait")
    w.add_argument("url")
    w.add_argument("--timeout", type=float, default=30.0)
    w.add_argument("--pid", type=int)
    w.add_argument("--log")
    a = p.parse_args()
    if a.cmd == "free-port":
        print(free_port())
        return 0
    return wait(a.url, a.timeout, a.pid, a.log)


if __name__ == "__main__":
    sys.exit(main())
