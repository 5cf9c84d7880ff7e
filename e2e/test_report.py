"""The manager's visual report in a real browser: headless Chromium with the
network cut off (a dead proxy, every host unresolvable).

Checks that opening the file attempts no request at all (Chromium's own
network log must hold the file itself and nothing else), that there is no
script, that every chart drew (each SVG has a size and its shapes), and that
it prints to A4 PDF. Screenshots and the PDF's pages go to e2e/out/ to be
looked at.

Usage: python3 e2e/test_report.py path/to/baton
"""

import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import base64
import time

sys.path.insert(0, os.path.dirname(__file__))
from webdriver import Session  # noqa: E402

OUT = pathlib.Path(__file__).parent / "out"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def check(cond, what):
    if not cond:
        raise AssertionError(what)
    print("ok -", what)


def run(baton, *args):
    done = subprocess.run([baton, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise AssertionError(f"baton {' '.join(args)} failed: {done.stderr}")
    return done.stdout


def open_report(port, path, name):
    session = Session(
        port,
        {
            "browserName": "chrome",
            "goog:loggingPrefs": {"performance": "ALL"},
            "goog:chromeOptions": {
                "binary": shutil.which("chromium") or "/usr/bin/chromium",
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    # No network: a proxy that is not there, and no host resolves.
                    "--proxy-server=http://127.0.0.1:9",
                    "--host-resolver-rules=MAP * ~NOTFOUND",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-default-apps",
                    "--no-first-run",
                    "--window-size=1000,2200",
                ],
            },
        },
    )
    try:
        url = pathlib.Path(path).resolve().as_uri()
        session.cmd("POST", "/url", {"url": url})
        session.wait("footer")
        time.sleep(0.3)

        log = session.cmd("POST", "/se/log", {"type": "performance"})
        requests = []
        for entry in log:
            message = json.loads(entry["message"])["message"]
            if message["method"] in ("Network.requestWillBeSent", "Network.webSocketCreated"):
                requests.append(message["params"].get("request", {}).get("url") or message["params"].get("url"))
        check(requests == [url], f"{name}: the only request is the file itself (saw {requests})")
        resources = session.js("return performance.getEntriesByType('resource').length")
        check(resources == 0, f"{name}: no resource was fetched")
        check(session.js("return document.scripts.length") == 0, f"{name}: the file holds no script")

        charts = session.js(
            """return [...document.querySelectorAll('svg[data-chart]')].map(s => {
                 const r = s.getBoundingClientRect();
                 return {kind: s.dataset.chart, w: r.width, h: r.height,
                         shapes: s.querySelectorAll('polygon.layer, rect.bar, polygon.series, polyline.series, circle.point').length};
               })"""
        )
        kinds = {c["kind"] for c in charts}
        check({"pyramid", "tiers", "revenue", "statuses", "radar", "curve"} <= kinds, f"{name}: every kind of chart is there ({sorted(kinds)})")
        check(all(c["w"] > 100 and c["h"] > 60 for c in charts), f"{name}: every chart has a size")
        check(all(c["shapes"] > 0 for c in charts), f"{name}: every chart drew its shapes")
        pyramid = next(c for c in charts if c["kind"] == "pyramid")
        check(pyramid["shapes"] == 5, f"{name}: the pyramid has a layer per tier and one for no tier")
        radars = [c for c in charts if c["kind"] == "radar"]
        curves = [c for c in charts if c["kind"] == "curve"]
        check(len(radars) == len(curves) == len(session.find_all("article.card")) > 0, f"{name}: each key customer card has a radar and a curve")
        for section in ["figures", "pyramid", "distribution", "key", "dependent", "dormant", "overdue"]:
            check(session.find_all(f"section#{section}"), f"{name}: section {section}")
        rows = session.js("return document.querySelectorAll('#overdue tbody tr').length")
        check(rows > 0, f"{name}: overdue follow-ups are listed ({rows})")

        session.screenshot(str(OUT / f"report-{name}.png"))
        pdf = base64.b64decode(
            session.cmd("POST", "/print", {"page": {"width": 21.0, "height": 29.7}, "background": True})
        )
        pdf_path = OUT / f"report-{name}.pdf"
        pdf_path.write_bytes(pdf)
        check(pdf.startswith(b"%PDF"), f"{name}: printed to PDF")
        for old in OUT.glob(f"report-{name}-page-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf_path), str(OUT / f"report-{name}-page")], check=True)
        pages = sorted(OUT.glob(f"report-{name}-page-*.png"))
        check(len(pages) >= 2, f"{name}: {len(pages)} A4 pages")
    finally:
        session.quit()


def main():
    baton = os.path.abspath(sys.argv[1])
    OUT.mkdir(exist_ok=True)
    port = free_port()
    driver = subprocess.Popen(
        ["chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.time() + 20
        while time.time() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "book.db")
            run(baton, "--db", db, "demo", "--customers", "80")
            for lang in ["zh", "en"]:
                path = os.path.join(tmp, f"报告-{lang}.html")
                run(baton, "--db", db, "report", "--out", path, "--lang", lang)
                open_report(port, path, lang)
    finally:
        driver.terminate()
        driver.wait()
    print("report test passed")


if __name__ == "__main__":
    main()
