// Chart.js (about a third of the app's script) is loaded when the first
// chart is drawn, below a card's first screen, not with the window: the
// start parsed and ran it before the first row could be painted (issue 18).
// Loaded once; every chart after the first finds it there.
let loading: Promise<typeof import('./charts')> | null = null;

export function loadCharts(): Promise<typeof import('./charts')> {
  loading ??= import('./charts');
  return loading;
}
