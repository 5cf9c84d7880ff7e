// Where the user was when the app last closed: the screen and the selected
// customer, per book (another book has other customers). Kept in the
// webview's own storage, never in the book: remembering a screen must not
// count as a change to the book (that would end "undo this import").
let book = '';

const key = (what: string) => `baton:${what}:${book}`;

function read(what: string): string | null {
  try {
    return localStorage.getItem(key(what));
  } catch {
    return null; // storage off: the app simply starts fresh
  }
}

function write(what: string, value: string | null) {
  try {
    if (value === null) localStorage.removeItem(key(what));
    else localStorage.setItem(key(what), value);
  } catch {
    // storage off or full: nothing is remembered, nothing breaks
  }
}

export const lastPlace = {
  /** Which book's places are read and written. */
  forBook: (path: string) => (book = path),
  screen: () => read('screen'),
  customer: () => read('customer'),
  rememberScreen: (screen: string) => write('screen', screen),
  rememberCustomer: (id: string | null) => write('customer', id),
};
