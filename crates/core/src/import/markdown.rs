//! Markdown to plain text: one paragraph per line, headings kept as paragraphs.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

/// The text without markup, and the first level-1 heading (or first heading) as the title.
pub fn to_plain_text(markdown: &str) -> (String, Option<String>) {
    let mut out = String::with_capacity(markdown.len());
    let mut title: Option<(HeadingLevel, String)> = None;
    let mut heading: Option<(HeadingLevel, String)> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = heading.take() {
                    let better = match &title {
                        None => true,
                        Some((l, _)) => level < *l && *l != HeadingLevel::H1,
                    };
                    if better && !text.trim().is_empty() {
                        title = Some((level, text.trim().to_owned()));
                    }
                }
                end_block(&mut out);
            }
            Event::Text(t) | Event::Code(t) => {
                out.push_str(&t);
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::CodeBlock | TagEnd::BlockQuote(_),
            ) => end_block(&mut out),
            _ => {}
        }
    }
    (out, title.map(|(_, t)| t))
}

fn end_block(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_markup_and_finds_title() {
        let (text, title) = to_plain_text(
            "# Lavrov *tours*\n\nHe met [Jeenbekov](http://x) in **Bishkek**.\n\n- one\n- two\n",
        );
        assert_eq!(title.as_deref(), Some("Lavrov tours"));
        assert_eq!(
            text,
            "Lavrov tours\nHe met Jeenbekov in Bishkek.\none\ntwo\n"
        );
    }
}
