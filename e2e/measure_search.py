"""Measures global search in the real app on a big book (not part of CI).

    xvfb-run -a python3 e2e/measure_search.py target/debug/baton-app BOOK.db

Opens the search with Ctrl+K, then for each of the bench's 20 queries types
it the way an input event delivers a keystroke and times, in the page, from
that event to the first frame after the results for exactly that text are in
the DOM (a MutationObserver, so the probe does not compete with rendering).
Three rounds;
prints the median and p95 over all of them.
"""

import os
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_app  # noqa: E402
from probes import CTRL, QUERIES, TYPE, p95  # noqa: E402

APP, BOOK = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
test_app.APP = APP


def main():
    os.makedirs(test_app.OUT, exist_ok=True)
    driver = test_app.Driver()
    timings = {q: [] for q in QUERIES}
    try:
        s = driver.session(BOOK)
        s.wait("[data-testid=nav-customers]", timeout=60)
        if os.environ.get("FROM"):
            s.click(f"[data-testid=nav-{os.environ['FROM']}]")
        s.keys((CTRL, "k"))
        s.wait("[data-testid=search-input]")
        for _ in range(3):
            for q in QUERIES:
                timings[q].append(s.cmd("POST", "/execute/async", {"script": TYPE, "args": [q]}))
        s.cmd("POST", "/execute/async", {"script": TYPE, "args": ["深圳"]})
        test_app.shot(s, "search-100k")
        s.quit()
    finally:
        driver.stop()
    for q in QUERIES:
        print(f"  {q:<14} median {statistics.median(timings[q]):7.1f} ms")
    every = [t for ts in timings.values() for t in ts]
    print(f"keystroke to rendered results: median {statistics.median(every):.1f} ms, p95 {p95(every):.1f} ms, n={len(every)}")


if __name__ == "__main__":
    main()
