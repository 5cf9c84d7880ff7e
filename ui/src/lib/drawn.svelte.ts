// How many rows of a long screen are drawn: a screenful at once, then the
// rest a chunk per frame. Today drew up to 800 follow-ups (four groups of
// 200) before its first row showed, about half a second on the 100k book
// (issue 18); the first screenful is what the user reads first.

export type Frame = (next: () => void) => void;

export class Drawn {
  count = $state(0);
  private growing = false;

  constructor(
    readonly first = 30,
    readonly step = 60,
    private readonly frame: Frame = (next) => requestAnimationFrame(() => next()),
  ) {
    this.count = first;
  }

  /** Draws `step` more each frame until `total` rows are drawn. */
  grow(total: number): void {
    if (this.growing || this.count >= total) return;
    this.growing = true;
    const more = () => {
      this.count += this.step;
      if (this.count < total) this.frame(more);
      else this.growing = false;
    };
    this.frame(more);
  }
}

/**
 * How many rows of each group are drawn when `count` rows are drawn in all,
 * the groups one after the other in screen order: a screen of several
 * groups fills from the top, not a screenful of each.
 */
export function shares(lengths: readonly number[], count: number): number[] {
  let left = Math.max(0, count);
  return lengths.map((n) => {
    const here = Math.min(n, left);
    left -= here;
    return here;
  });
}
