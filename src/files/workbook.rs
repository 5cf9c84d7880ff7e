//! Errors of the workbook writer (rust_xlsxwriter) as Baton's file errors,
//! keeping the OS's reason: a full disk under a workbook is said as a full
//! disk, in the user's language, not as "an i/o error: os error 28".

use std::path::Path;

use rust_xlsxwriter::XlsxError;

use crate::error::Error;

/// `e`, met while writing `path`, as an [`Error::Io`] of the right kind.
pub fn error(path: &Path, e: XlsxError) -> Error {
    if let XlsxError::IoError(io) = e {
        return Error::io(path, io);
    }
    // The zip layer wraps the OS error one level or more down.
    let kind = {
        let mut cause = std::error::Error::source(&e);
        let mut found = None;
        while let Some(c) = cause {
            if let Some(io) = c.downcast_ref::<std::io::Error>() {
                found = Some(io.kind());
                break;
            }
            cause = c.source();
        }
        found.unwrap_or(std::io::ErrorKind::Other)
    };
    Error::io(path, std::io::Error::new(kind, e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_under_the_workbook_is_a_full_disk() {
        let full = XlsxError::IoError(std::io::Error::from(std::io::ErrorKind::StorageFull));
        let e = error(Path::new("/m/报告.xlsx"), full);
        assert_eq!(e.io_kind(), Some("disk_full"));
        assert_eq!(e.path(), Some("/m/报告.xlsx"));
    }
}
