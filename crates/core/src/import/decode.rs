//! Bytes to text: UTF-8 (with or without BOM) and UTF-16 with a BOM; anything else is
//! refused with a sentence that says what to do.

/// Decodes article bytes, or says why they are not text.
pub fn decode_text(bytes: &[u8]) -> Result<String, String> {
    if bytes.is_empty() {
        return Err("the file is empty".to_owned());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, u16::from_be_bytes);
    }
    if bytes.contains(&0) {
        return Err(
            "this looks like a binary file, not text (it contains NUL bytes); import a .txt or .md article"
                .to_owned(),
        );
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) => Err(format!(
            "the text is not UTF-8 (invalid byte at offset {}); save it as UTF-8 and import it again",
            e.valid_up_to()
        )),
    }
}

fn decode_utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, String> {
    if !bytes.len().is_multiple_of(2) {
        return Err("the UTF-16 text is cut off (odd number of bytes)".to_owned());
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let text: String = char::decode_utf16(units)
        .collect::<Result<_, _>>()
        .map_err(|_| "the UTF-16 text is damaged (unpaired surrogate)".to_owned())?;
    if text.contains('\0') {
        return Err(
            "this looks like a binary file, not text (it contains NUL characters)".to_owned(),
        );
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
}
