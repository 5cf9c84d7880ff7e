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

APP, BOOK = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
test_app.APP = APP

JUMP = """
const done = arguments[arguments.length - 1];
const list = document.querySelector('[data-testid=customer-list]');
const target = arguments[0] * (list.scrollHeight - list.clientHeight);
const t0 = performance.now();
list.scrollTop = target;
list.dispatchEvent(new Event('scroll'));
function ready() {
  const rows = [...list.querySelectorAll('.vlist-row')].filter(r => {
    const top = parseFloat(r.style.top);
    return top >= list.scrollTop && top < list.scrollTop + list.clientHeight - 56;
  });
  return rows.length > 0 && rows.every(r => r.querySelector('[data-testid=customer-row]'));
}
(function poll() {
  if (ready()) done(performance.now() - t0);
  else requestAnimationFrame(poll);
})();
"""


def p95(xs):
    xs = sorted(xs)
    return xs[max(0, int(len(xs) * 0.95 + 0.5) - 1)]


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
