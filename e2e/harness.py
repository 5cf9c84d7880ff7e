"""The e2e harness: where the app and the screenshots are, tauri-driver
started and stopped by PID, and a screenshot helper."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from webdriver import Session

ROOT = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(ROOT, "out")
APP = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "target", "debug", "baton-app"))
# The system's file dialogs cannot be clicked through WebDriver: the app takes
# each dialog's answer from this file instead (src-tauri/src/commands/dialogs.rs).
DIALOG_ANSWERS = os.path.join(OUT, "dialog-answers.txt")
# The tel:/mailto: links the app would open, one per line (BATON_TEST_OPEN_LOG).
OPENED_LINKS = os.path.join(OUT, "opened-links.txt")
# Milliseconds each step of a long job takes (see pace_jobs).
JOB_PACE = os.path.join(OUT, "job-pace.txt")


def answer_dialogs(*paths):
    """The next file dialogs' answers, in order ("" = the user cancelled)."""
    with open(DIALOG_ANSWERS, "w", encoding="utf-8") as f:
        f.write("\n".join(paths))


def pace_jobs(ms):
    """Slows each step of the app's next long jobs to `ms` (0: full speed),
    so a test can work in the window while one runs."""
    if ms:
        with open(JOB_PACE, "w") as f:
            f.write(str(ms))
    elif os.path.exists(JOB_PACE):
        os.remove(JOB_PACE)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Driver:
    """tauri-driver, started and stopped by PID so no stray driver holds a port."""

    def __init__(self, extra_env=None):
        self.port = free_port()
        native = free_port()
        env = dict(os.environ, LANG="zh_CN.UTF-8", LC_ALL="zh_CN.UTF-8", BATON_TEST_DIALOG_ANSWERS=DIALOG_ANSWERS,
                   BATON_TEST_JOB_PACE=JOB_PACE, BATON_STALL_PROBE="1", BATON_TEST_OPEN_LOG=OPENED_LINKS,
                   # The window's size is remembered per driver, not from an earlier run;
                   # so is the webview's storage (the list's columns, the last place).
                   XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="baton-e2e-config-"),
                   XDG_DATA_HOME=tempfile.mkdtemp(prefix="baton-e2e-data-"))
        env.update(extra_env or {})
        answer_dialogs()
        pace_jobs(0)
        self.log = open(os.path.join(OUT, "tauri-driver.log"), "w")
        self.proc = subprocess.Popen(
            ["tauri-driver", "--port", str(self.port), "--native-port", str(native),
             "--native-driver", shutil.which("WebKitWebDriver") or "/usr/bin/WebKitWebDriver"],
            stdout=self.log, stderr=subprocess.STDOUT, env=env,
        )
        # tauri-driver listens at once but proxies to WebKitWebDriver, which
        # takes a moment longer: wait for both.
        for port in (self.port, native):
            deadline = time.time() + 20
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if time.time() > deadline:
                        raise RuntimeError(f"the driver on port {port} did not start")
                    time.sleep(0.2)

    def session(self, db, app=None, args=None):
        """The app (the built one by default) on the book `db`, or with
        exactly `args` when given."""
        args = ["--db", db] if args is None else args
        caps = {"browserName": "wry", "tauri:options": {"application": app or APP, "args": args}}
        return Session(self.port, caps)

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


def wait_unlocked(db, timeout=30):
    """Waits until no app holds the book's lock: a closed window's process
    may take a moment to end on a busy machine, and the next window on the
    same book would be told it is in use."""
    import fcntl

    path = db + ".lock"
    deadline = time.time() + timeout
    ended = False
    while os.path.exists(path):
        with open(path, "a") as f:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                fcntl.flock(f, fcntl.LOCK_UN)
                return
            except BlockingIOError:
                pass
        if not ended and time.time() > deadline - timeout / 2:
            # WebKitWebDriver sometimes leaves a window it was told to close
            # open and idle when its session ends moments after the app
            # started (seen with the app of several earlier commits too):
            # end that process as a user would, and say so.
            ended = end_leftover_app(db)
        assert time.time() < deadline, f"{db} is still held by another window"
        time.sleep(0.2)


def end_leftover_app(db):
    """Terminates an app still open on `db` after its session ended."""
    import signal
    out = subprocess.run(["pgrep", "-f", f"baton-app --db {db}"], capture_output=True, text=True).stdout
    pids = [int(p) for p in out.split()]
    for pid in pids:
        print(f"  (the driver left a window open on {os.path.basename(db)}; ending it)")
        os.kill(pid, signal.SIGTERM)
    return bool(pids)


def wait_count(s, css, n, timeout=10):
    """Waits until exactly `n` elements match `css` (commands run off the
    window's thread, so what a save changes may paint a moment later)."""
    deadline = time.time() + timeout
    while len(s.find_all(css)) != n:
        assert time.time() < deadline, f"{css}: {len(s.find_all(css))}, not {n}"
        time.sleep(0.1)


# Without compositing (no GPU), WebKitWebDriver's screenshot waits for the
# page's next paint, and an idle page never paints: a corner pixel is
# repainted each frame until the screenshot has been taken. The beat runs
# until shot() stops it (a fixed five seconds once ran out before a slow
# machine's driver took the picture, and the screenshot then hung), with a
# minute's cap so a lost stop cannot keep the page busy for good.
HEARTBEAT = """
let el = document.getElementById('e2e-heartbeat');
if (!el) {
  el = document.createElement('div');
  el.id = 'e2e-heartbeat';
  el.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;pointer-events:none;z-index:2147483647';
  document.documentElement.appendChild(el);
}
const mine = window.__e2eBeat = (window.__e2eBeat || 0) + 1;
const until = performance.now() + 60000;
let n = 0;
(function beat() {
  if (window.__e2eBeat !== mine) return;
  el.style.background = (n++ % 2) ? 'rgba(0,0,0,0.01)' : 'rgba(0,0,0,0.02)';
  if (performance.now() < until) requestAnimationFrame(beat); else el.remove();
})();
"""

STOP_HEARTBEAT = """
window.__e2eBeat = (window.__e2eBeat || 0) + 1;
document.getElementById('e2e-heartbeat')?.remove();
"""


def shot(s, name):
    path = os.path.join(OUT, f"{name}.png")
    try:
        s.js(HEARTBEAT)
    except Exception:
        pass  # not a page of ours (a file dialog, a closed window)
    s.screenshot(path)
    try:
        s.js(STOP_HEARTBEAT)
    except Exception:
        pass
    print(f"  screenshot {path}")
