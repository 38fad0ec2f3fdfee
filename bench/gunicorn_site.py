"""What the benchmarks share: the demo site prepared in a database, and gunicorn serving it
on a free port of 127.0.0.1, beside which a trivial view (robots.txt) is measured."""

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def prepare(env):
    """Migrate the database and load the demo site into it."""
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "-v0"], ["load_demo_content"]):
        subprocess.run(  # noqa: S603
            manage + command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )


def start_gunicorn(port, workers, env):
    """gunicorn on 127.0.0.1:port, once it answers; the caller stops it."""
    process = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "website.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={workers}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2)  # noqa: S310
            return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit("gunicorn did not start")
