"""What the measuring scripts run in the app's page: each times one
interaction from its event to the first frame after the DOM holds the
answer, in the page, and returns milliseconds."""

# WebDriver's key codes.
CTRL, ESCAPE = "\ue009", "\ue00c"

# The bench's 20 search queries.
QUERIES = ["华", "王", "鑫", "深圳", "恒达", "报价", "精密机", "有限公", "医疗器械", "技术交流",
           "north", "gmbh", "Summit Group", "hd", "szhx", "深圳 恒达", "Atlas Ltd", "华信 2", "zzqx", "不存在的词"]

# Types a query into the open search box: done at the first frame after the
# results for exactly that text are in the DOM.
TYPE = """
const done = arguments[arguments.length - 1];
const q = arguments[0];
const input = document.querySelector('[data-testid=search-input]');
const results = document.querySelector('[data-testid=search-results]');
const t0 = performance.now();
// Watch the DOM rather than polling every frame: polling competes with the
// rendering it measures. Done at the first frame after the results for
// exactly this text are in the DOM.
const mo = new MutationObserver(() => {
  if (results.dataset.shownFor !== q) return;
  mo.disconnect();
  requestAnimationFrame(() => done(performance.now() - t0));
});
mo.observe(results, {attributes: true, childList: true, subtree: true});
input.value = q;
input.dispatchEvent(new Event('input', {bubbles: true}));
"""

# Jumps the customer list to a fraction of its height: done when every row
# in view is rendered with its data.
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
