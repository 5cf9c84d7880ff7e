// The book's customers whose name matches what is typed (characters or
// pinyin initials), for the pickers that choose customers by name: the
// handover's scope and the unfiled tray's "file under". A late answer to
// older text is dropped.
import { search } from './api/search';

export interface Match {
  id: string;
  name: string;
}

/** Matches of `text()` (at most `limit`), kept up to date as it changes. */
export function customerMatches(text: () => string, limit: number) {
  let matches = $state<Match[]>([]);
  $effect(() => {
    const q = text().trim();
    if (!q) {
      matches = [];
      return;
    }
    let stale = false;
    search
      .run({ text: q, tier: null, status: null, key_only: false, owner: null, tag: null, dormant: false, limit })
      .then((groups) => {
        if (stale) return;
        const hits = groups.find((g) => g.kind === 'customer')?.hits ?? [];
        matches = hits.map((h) => ({ id: h.customer_id, name: h.customer_name }));
      })
      .catch(() => {
        if (!stale) matches = [];
      });
    return () => {
      stale = true;
    };
  });
  return {
    get list() {
      return matches;
    },
  };
}
