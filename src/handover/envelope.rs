//! The envelope: a plain document, or one encrypted with age to a single
//! scrypt passphrase recipient. Nothing else (no X25519, SSH or plugin
//! recipients) is accepted, and the scrypt work factor a file may demand is
//! capped, so a hostile file cannot make the reader spin or exhaust memory.
//!
//! The decrypted document is seekable (age's stream reader seeks by chunk),
//! so an import's two passes read it twice for the price of one scrypt.

use std::fs::File;
use std::io::{BufRead, BufReader, Seek, Write};
use std::path::Path;

use age::secrecy::SecretString;

use crate::error::{Error, PassphraseProblem, Result};

/// The highest scrypt work factor (log₂ N) a reader accepts: 20 needs
/// 1 GiB of memory and a few seconds. age picks about one second's worth
/// when encrypting (around 18 on this class of machine).
pub const MAX_WORK_FACTOR: u8 = 20;

/// The lowest work factor an export uses outside debug builds (256 MiB of
/// scrypt memory): `BATON_SCRYPT_WORK_FACTOR` may only lower it in tests.
pub const MIN_EXPORT_WORK_FACTOR: u8 = 18;

const AGE_MAGIC: &[u8] = b"age-encryption.org/v1";

/// A document being read: buffered and rewindable.
pub(crate) trait Source: BufRead + Seek {}
impl<T: BufRead + Seek> Source for T {}

/// Opens a handover file for reading its document, decrypting it with
/// `passphrase` if it is encrypted.
pub(crate) fn open(path: &Path, passphrase: Option<&str>) -> Result<Box<dyn Source + Send>> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let head = reader.fill_buf().map_err(|e| Error::io(path, e))?;
    if !head.starts_with(AGE_MAGIC) {
        return Ok(Box::new(reader));
    }
    let demanded = scrypt_work_factor(head);
    let Some(passphrase) = passphrase.filter(|p| !p.is_empty()) else {
        return Err(Error::passphrase(
            PassphraseProblem::Missing,
            "this handover file is encrypted: give its passphrase to import it",
        ));
    };
    if let Some(w) = demanded {
        if w > MAX_WORK_FACTOR {
            return Err(too_much_work(w));
        }
        ensure_memory(w)?;
    }
    let decryptor = age::Decryptor::new_buffered(reader).map_err(|e| decrypt_error(path, e))?;
    if !decryptor.is_scrypt() {
        return Err(Error::passphrase(
            PassphraseProblem::NotPassphrase,
            "this file is encrypted to a key, not a passphrase; Baton only reads passphrase-protected handover files",
        ));
    }
    let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_string()));
    identity.set_max_work_factor(MAX_WORK_FACTOR);
    let plain = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .map_err(|e| decrypt_error(path, e))?;
    Ok(Box::new(BufReader::with_capacity(1 << 16, plain)))
}

/// The work factor an age header's scrypt stanza (`-> scrypt SALT N`)
/// demands, read before age runs scrypt so memory can be checked first.
fn scrypt_work_factor(head: &[u8]) -> Option<u8> {
    // The header is text; the binary payload follows it, so lines are read
    // one by one and never the buffer as a whole.
    head[..head.len().min(4096)]
        .split(|&b| b == b'\n')
        .take_while(|l| !l.starts_with(b"---"))
        .find_map(|l| l.strip_prefix(b"-> scrypt "))
        .and_then(|rest| std::str::from_utf8(rest).ok())
        .and_then(|rest| rest.split(' ').nth(1))
        .and_then(|n| n.trim().parse().ok())
}

fn too_much_work(required: u8) -> Error {
    Error::passphrase(
        PassphraseProblem::TooMuchWork,
        format!(
            "the file demands an scrypt work factor of {required}, above the {MAX_WORK_FACTOR} Baton accepts; \
             it was not opened"
        ),
    )
}

/// scrypt needs 128 · r · N bytes (r = 8): reserve them once up front, so
/// a machine short of memory gets an error instead of an aborted process.
fn ensure_memory(work_factor: u8) -> Result<()> {
    let bytes = 1024usize << work_factor;
    let mut probe: Vec<u8> = Vec::new();
    probe.try_reserve_exact(bytes).map_err(|_| {
        Error::passphrase(
            PassphraseProblem::TooMuchWork,
            format!(
                "opening this file needs {} MiB of memory, which this computer cannot give now; close other programs and try again",
                bytes >> 20
            ),
        )
    })
}

fn decrypt_error(path: &Path, e: age::DecryptError) -> Error {
    match e {
        // For a passphrase file these mean the key did not unwrap: the
        // passphrase is wrong (or the header stanza was damaged).
        age::DecryptError::NoMatchingKeys
        | age::DecryptError::KeyDecryptionFailed
        | age::DecryptError::DecryptionFailed => Error::passphrase(
            PassphraseProblem::Wrong,
            "wrong passphrase: the handover file could not be decrypted with it",
        ),
        age::DecryptError::ExcessiveWork { required, .. } => too_much_work(required),
        age::DecryptError::Io(io) => Error::io(path, io),
        other => Error::BadFile(vec![crate::error::FileProblem {
            line: 0,
            kind: None,
            id: None,
            field: None,
            message: format!("the encrypted envelope is damaged: {other}"),
        }]),
    }
}

/// Writes the document `body` produces into `out`, encrypted to
/// `passphrase` if one is given, streaming: the plaintext never exists
/// anywhere but in memory, a chunk at a time. `work_factor` overrides
/// age's one-second calibration (never below [`MIN_EXPORT_WORK_FACTOR`]
/// in a release build).
pub(crate) fn seal(
    mut out: impl Write,
    passphrase: Option<&str>,
    work_factor: Option<u8>,
    path: &Path,
    body: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let io = |e: std::io::Error| Error::io(path, e);
    match passphrase.filter(|p| !p.is_empty()) {
        None => {
            body(&mut out)?;
            out.flush().map_err(io)
        }
        Some(passphrase) => {
            let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_string()));
            if let Some(w) = work_factor {
                let floor = if cfg!(debug_assertions) {
                    1
                } else {
                    MIN_EXPORT_WORK_FACTOR
                };
                recipient.set_work_factor(w.clamp(floor, MAX_WORK_FACTOR));
            }
            let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                .map_err(|e| Error::Corrupt(format!("could not set up encryption: {e}")))?;
            let mut writer = encryptor.wrap_output(out).map_err(io)?;
            body(&mut writer)?;
            writer.finish().map_err(io)?.flush().map_err(io)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_demanded_work_factor_is_read_from_the_header() {
        let mut head = b"age-encryption.org/v1\n-> scrypt c2FsdHNhbHRzYWx0c2FsdA 21\nabc\n--- mac\n".to_vec();
        head.extend_from_slice(&[0xff, 0xfe, 0x80, b'\n', 0x00]); // the binary payload
        let head = head.as_slice();
        assert_eq!(super::scrypt_work_factor(head), Some(21));
        assert_eq!(
            super::scrypt_work_factor(b"age-encryption.org/v1\n-> X25519 abc\n"),
            None
        );
    }
}
