//! Text files from Chinese Excel, WPS and phones come in several encodings
//! with no label. The order of guesses (issue 8): a byte-order mark says it;
//! else strict UTF-8; else GB18030 (a superset of GBK and GB2312, what
//! Chinese Excel writes for "CSV"). A file that is none of these is refused
//! with the byte where it stops making sense — never decoded into garbage.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

/// Which encoding a file was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detected {
    /// UTF-8 with a byte-order mark.
    Utf8Bom,
    /// UTF-8.
    Utf8,
    /// UTF-16, little-endian, with a byte-order mark.
    Utf16Le,
    /// UTF-16, big-endian, with a byte-order mark.
    Utf16Be,
    /// GB18030 (covers GBK).
    Gb18030,
}

impl Detected {
    /// The name shown to the user.
    pub fn name(self) -> &'static str {
        match self {
            Detected::Utf8Bom => "UTF-8 (BOM)",
            Detected::Utf8 => "UTF-8",
            Detected::Utf16Le => "UTF-16LE",
            Detected::Utf16Be => "UTF-16BE",
            Detected::Gb18030 => "GB18030",
        }
    }
}

/// Decodes a text file's bytes; on failure, the byte offset where no
/// candidate encoding can continue.
pub fn decode(bytes: &[u8]) -> Result<(String, Detected), usize> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(|s| (s.to_string(), Detected::Utf8Bom))
            .map_err(|e| e.valid_up_to() + 3);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return strict(UTF_16LE, rest)
            .map(|s| (s, Detected::Utf16Le))
            .map_err(|at| at + 2);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return strict(UTF_16BE, rest)
            .map(|s| (s, Detected::Utf16Be))
            .map_err(|at| at + 2);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), Detected::Utf8)),
        Err(utf8) => strict(GB18030, bytes)
            .map(|s| (s, Detected::Gb18030))
            // Report the later of the two failures: the file is "more" of
            // whichever encoding got further.
            .map_err(|gb| gb.max(utf8.valid_up_to())),
    }
}

/// Decodes with `encoding`, refusing malformed input; the error is the
/// offset of the first malformed byte.
fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, usize> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut read = 0;
    loop {
        out.reserve(
            decoder
                .max_utf8_buffer_length_without_replacement(bytes.len() - read)
                .unwrap_or(4096),
        );
        let (result, n) = decoder.decode_to_string_without_replacement(&bytes[read..], &mut out, true);
        read += n;
        match result {
            encoding_rs::DecoderResult::InputEmpty => return Ok(out),
            encoding_rs::DecoderResult::OutputFull => continue,
            encoding_rs::DecoderResult::Malformed(bad, after) => {
                return Err(read - after as usize - bad as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_encoding_is_recognised() {
        assert_eq!(decode("名称".as_bytes()), Ok(("名称".into(), Detected::Utf8)));
        let bom = [b"\xEF\xBB\xBF".as_slice(), "名称".as_bytes()].concat();
        assert_eq!(decode(&bom), Ok(("名称".into(), Detected::Utf8Bom)));
        let (gb, _, _) = GB18030.encode("公司名称𠀀");
        assert_eq!(decode(&gb), Ok(("公司名称𠀀".into(), Detected::Gb18030)));
        let mut le = vec![0xFF, 0xFE];
        for u in "名称😀".encode_utf16() {
            le.extend(u.to_le_bytes());
        }
        assert_eq!(decode(&le), Ok(("名称😀".into(), Detected::Utf16Le)));
    }

    #[test]
    fn bytes_no_encoding_explains_are_refused_with_their_offset() {
        // 0x80 alone is invalid in both UTF-8 and GB18030; 0xFF likewise.
        let bytes = b"name,phone\nabc,\xFF\xFF\n";
        let at = decode(bytes).unwrap_err();
        assert_eq!(at, 15);
    }
}
