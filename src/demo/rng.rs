//! A tiny deterministic random generator (SplitMix64).
//!
//! Written out rather than taken from `rand` on purpose: the demo must
//! produce the same book for the same seed on every build, and `rand`'s value
//! streams are allowed to change between releases.

/// SplitMix64: fast, well distributed, and fixed forever; it also counts
/// the ids it has issued (see [`Rng::uuid`]).
pub struct Rng {
    state: u64,
    ids: u64,
}

/// The timestamp of the first demo id (2026-11-01T00:00:00Z), ms.
const FIRST_ID_MS: u64 = 1_793_491_200_000;

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Rng {
            state: seed ^ 0x5DEE_CE66_D1CE_4E5B,
            ids: 0,
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// An index in `0..n` (0 when `n` is 0), for tests and fuzzing that
    /// pick positions in slices.
    pub fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One item of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// A deterministic UUID in the v7 layout the app gives its records
    /// ([`crate::clock::new_id`]): each id one millisecond after the last,
    /// then bits from the stream. Like a real book, ids rise in the order
    /// records were written, so the demo fills its indexes at their ends,
    /// as the app does, rather than at random places (random v4 ids made
    /// building the 100k book several times slower).
    pub fn uuid(&mut self) -> String {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        let mut tail = [0u8; 10];
        tail.copy_from_slice(&bytes[..10]);
        self.ids += 1;
        uuid::Builder::from_unix_timestamp_millis(FIRST_ID_MS + self.ids, &tail)
            .into_uuid()
            .to_string()
    }
}
