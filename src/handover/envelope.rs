//! The envelope: a plain document, or one encrypted with age to a single
//! scrypt passphrase recipient. Nothing else (no X25519, SSH or plugin
//! recipients) is accepted, and the scrypt work factor a file may demand is
//! capped, so a hostile file cannot make the reader spin for hours.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

use age::secrecy::SecretString;

use crate::error::{Error, PassphraseProblem, Result};

/// The highest scrypt work factor (log₂ N) a reader accepts. age picks about
/// one second's worth when encrypting (around 18 on this class of machine);
/// 22 allows a slower writer's file while refusing absurd demands.
pub const MAX_WORK_FACTOR: u8 = 22;

const AGE_MAGIC: &[u8] = b"age-encryption.org/v1";

/// Opens a handover file for reading its document, decrypting it with
/// `passphrase` if it is encrypted.
pub(crate) fn open(path: &Path, passphrase: Option<&str>) -> Result<Box<dyn BufRead>> {
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let head = reader.fill_buf().map_err(|e| Error::io(path, e))?;
    if !head.starts_with(AGE_MAGIC) {
        return Ok(Box::new(reader));
    }
    let Some(passphrase) = passphrase.filter(|p| !p.is_empty()) else {
        return Err(Error::passphrase(
            PassphraseProblem::Missing,
            "this handover file is encrypted: give its passphrase to import it",
        ));
    };
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
        age::DecryptError::ExcessiveWork { required, .. } => Error::passphrase(
            PassphraseProblem::TooMuchWork,
            format!(
                "the file demands an scrypt work factor of {required}, above the {MAX_WORK_FACTOR} Baton accepts; \
             it was not opened"
            ),
        ),
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

/// Copies `document` to `out`, encrypted to `passphrase` if one is given
/// (`work_factor` overrides age's one-second calibration, for tests).
pub(crate) fn seal(
    mut document: impl Read,
    out: impl Write,
    passphrase: Option<&str>,
    work_factor: Option<u8>,
    path: &Path,
) -> Result<()> {
    let io = |e: std::io::Error| Error::io(path, e);
    match passphrase.filter(|p| !p.is_empty()) {
        None => {
            let mut out = out;
            std::io::copy(&mut document, &mut out).map_err(io)?;
            out.flush().map_err(io)
        }
        Some(passphrase) => {
            let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_string()));
            if let Some(w) = work_factor {
                recipient.set_work_factor(w.clamp(1, MAX_WORK_FACTOR));
            }
            let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                .map_err(|e| Error::Corrupt(format!("could not set up encryption: {e}")))?;
            let mut writer = encryptor.wrap_output(out).map_err(io)?;
            std::io::copy(&mut document, &mut writer).map_err(io)?;
            writer.finish().map_err(io)?.flush().map_err(io)
        }
    }
}
