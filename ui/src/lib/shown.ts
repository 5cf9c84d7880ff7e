// When the window was first on screen, as a performance mark. The app
// creates its window hidden and shows it once the page has loaded
// (src-tauri/src/shown.rs): the e2e checks that it was that, soon after the
// load, and not the late fallback.
export function markShown(doc: Document = document): void {
  const visible = () => doc.visibilityState === 'visible';
  if (visible()) {
    performance.mark('baton:shown');
    return;
  }
  const once = () => {
    if (!visible()) return;
    performance.mark('baton:shown');
    doc.removeEventListener('visibilitychange', once);
  };
  doc.addEventListener('visibilitychange', once);
}
