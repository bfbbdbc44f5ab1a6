//! Bytes to text: UTF-8 (with or without BOM) and UTF-16 with a BOM; anything else is
//! refused with a sentence that says what to do.

use super::ImportError;

/// Decodes article bytes, or says why they are not text.
pub fn decode_text(bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, u16::from_be_bytes);
    }
    if bytes.contains(&0) {
        return Err(ImportError::Binary { in_utf16: false });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => Err(ImportError::NotUtf8 {
            offset: e.valid_up_to(),
        }),
    }
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ImportError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(ImportError::TruncatedUtf16);
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let text: String = char::decode_utf16(units)
        .collect::<Result<_, _>>()
        .map_err(|_| ImportError::DamagedUtf16)?;
    if text.contains('\0') {
        return Err(ImportError::Binary { in_utf16: true });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_bom_decodes() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Лавров".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode_text(&bytes).unwrap(), "Лавров");
    }

    #[test]
    fn damaged_utf16_is_refused_by_kind() {
        assert!(matches!(
            decode_text(&[0xFF, 0xFE, 0x41]),
            Err(ImportError::TruncatedUtf16)
        ));
        // A lone high surrogate (D800), little-endian.
        assert!(matches!(
            decode_text(&[0xFF, 0xFE, 0x00, 0xD8]),
            Err(ImportError::DamagedUtf16)
        ));
        assert!(matches!(
            decode_text(&[0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00]),
            Err(ImportError::Binary { in_utf16: true })
        ));
    }
}
