"""Measures the customer list of the real app on a big book (not part of CI).

    xvfb-run -a python3 e2e/measure_list.py target/debug/baton-app BOOK.db

Times (a) app start to the first rendered row, (b) for 30 scroll jumps across
the list, the time from setting scrollTop to the rows in view being rendered
with their data, and prints medians and p95.
"""

import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_app  # noqa: E402
from probes import JUMP, p95  # noqa: E402

APP, BOOK = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
test_app.APP = APP

def main():
    os.makedirs(test_app.OUT, exist_ok=True)
    driver = test_app.Driver()
    try:
        t0 = time.time()
        s = driver.session(BOOK)
        s.wait("[data-testid=customer-row]", timeout=60)
        start_ms = (time.time() - t0) * 1000
        count = s.text(s.wait("[data-testid=list-count]"))
        jumps = []
        for i in range(30):
            fraction = ((i * 7919) % 1000) / 1000
            jumps.append(s.cmd("POST", "/execute/async", {"script": JUMP, "args": [fraction]}))
        test_app.shot(s, "list-100k")
        s.quit()
    finally:
        driver.stop()
    print(f"book: {count.strip()}")
    print(f"session start to first row: {start_ms:.0f} ms (includes launching the app)")
    print(f"scroll jump to rendered rows: median {statistics.median(jumps):.1f} ms, p95 {p95(jumps):.1f} ms, n={len(jumps)}")


if __name__ == "__main__":
    main()
