// The first rows of the first screen painted (the customer list's or
// Today's), as a performance mark: the release app's start is measured up to
// it (e2e/measure_app.py). Once per window.
let marked = false;

export function markFirstRow(): void {
  if (marked) return;
  marked = true;
  requestAnimationFrame(() => performance.mark('baton:first-row'));
}
