//! A saved web page to article text: metadata from the page's `<meta>` tags, the main
//! text found the way reader modes find it (the element whose paragraphs hold the most
//! text wins), navigation, scripts, ads, share bars and footers left out.

use scraper::{ElementRef, Html, Node, Selector};
use std::collections::HashMap;

/// What the importer takes from a page.
#[derive(Debug, Default, PartialEq)]
pub struct Page {
    /// Headline.
    pub title: Option<String>,
    /// Author, when the page says.
    pub author: Option<String>,
    /// Site or publisher.
    pub publisher: Option<String>,
    /// Publication date as the page gives it.
    pub published: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// The article's paragraphs, in order.
    pub paragraphs: Vec<String>,
}

/// Elements never part of an article's text.
const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "template",
    "figure",
    "figcaption",
    "menu",
    "dialog",
];

/// Class or id fragments of page furniture.
const SKIP_MARKS: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "sidebar",
    "comment",
    "share",
    "social",
    "advert",
    "ad-",
    "ads",
    "promo",
    "related",
    "cookie",
    "subscribe",
    "newsletter",
    "banner",
    "breadcrumb",
    "popup",
    "recommend",
    "outbrain",
    "taboola",
    "byline-share",
    "paywall",
];

/// Blocks that make paragraphs of the text.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
];

fn selector(css: &str) -> Option<Selector> {
    Selector::parse(css).ok()
}

fn first_attr(doc: &Html, css: &str, attr: &str) -> Option<String> {
    let sel = selector(css)?;
    doc.select(&sel)
        .filter_map(|e| e.value().attr(attr))
        .map(collapse)
        .find(|s| !s.is_empty())
}

fn first_text(doc: &Html, css: &str) -> Option<String> {
    let sel = selector(css)?;
    doc.select(&sel)
        .map(|e| collapse(&e.text().collect::<String>()))
        .find(|s| !s.is_empty())
}

/// Whitespace runs to single spaces, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True for page furniture (by tag, class or id).
fn is_furniture(e: &ElementRef<'_>) -> bool {
    let el = e.value();
    if SKIP_TAGS.contains(&el.name()) {
        return true;
    }
    let marks = el
        .id()
        .into_iter()
        .chain(el.classes())
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>();
    marks.iter().any(|m| {
        SKIP_MARKS
            .iter()
            .any(|s| m == s || m.starts_with(s) || m.contains(&format!("-{s}")) || m.ends_with(s))
    }) || el.attr("aria-hidden") == Some("true")
        || el.attr("hidden").is_some()
}

/// True when `e` or an ancestor is page furniture.
fn inside_furniture(e: &ElementRef<'_>) -> bool {
    let mut node = Some(**e);
    while let Some(n) = node {
        if let Some(el) = ElementRef::wrap(n)
            && is_furniture(&el)
        {
            return true;
        }
        node = n.parent();
    }
    false
}

/// The visible text of an element, skipping scripts and furniture inside it.
fn text_of(e: ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in e.descendants() {
        if let Node::Text(t) = node.value() {
            let hidden = node.ancestors().any(|a| {
                ElementRef::wrap(a).is_some_and(|el| SKIP_TAGS.contains(&el.value().name()))
            });
            if !hidden {
                out.push_str(t);
            }
        }
        if let Node::Element(el) = node.value()
            && el.name() == "br"
        {
            out.push(' ');
        }
    }
    collapse(&out)
}

/// Share of an element's text that sits inside links (menus are nearly all links).
fn link_density(e: ElementRef<'_>, text_len: usize) -> f32 {
    let Some(a) = selector("a") else { return 0.0 };
    let linked: usize = e.select(&a).map(|l| text_of(l).len()).sum();
    linked as f32 / text_len.max(1) as f32
}

/// Reads a page.
pub fn parse(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let mut page = Page {
        title: first_attr(&doc, r#"meta[property="og:title"]"#, "content")
            .or_else(|| first_attr(&doc, r#"meta[name="twitter:title"]"#, "content"))
            .or_else(|| first_text(&doc, "article h1"))
            .or_else(|| first_text(&doc, "h1"))
            .or_else(|| first_text(&doc, "title")),
        author: first_attr(&doc, r#"meta[name="author"]"#, "content")
            .or_else(|| first_attr(&doc, r#"meta[property="article:author"]"#, "content"))
            .or_else(|| first_text(&doc, r#"[rel="author"]"#)),
        publisher: first_attr(&doc, r#"meta[property="og:site_name"]"#, "content")
            .or_else(|| first_attr(&doc, r#"meta[name="publisher"]"#, "content")),
        published: first_attr(
            &doc,
            r#"meta[property="article:published_time"]"#,
            "content",
        )
        .or_else(|| first_attr(&doc, r#"meta[name="date"]"#, "content"))
        .or_else(|| first_attr(&doc, "time[datetime]", "datetime")),
        url: first_attr(&doc, r#"link[rel="canonical"]"#, "href")
            .or_else(|| first_attr(&doc, r#"meta[property="og:url"]"#, "content")),
        paragraphs: Vec::new(),
    };

    // Score each paragraph's parent (and half to its grandparent) by its text: the main
    // text's container collects the most.
    let Some(p_sel) = selector("p") else {
        return page;
    };
    let mut scores: HashMap<ego_tree::NodeId, (f32, ElementRef<'_>)> = HashMap::new();
    for p in doc.select(&p_sel) {
        if inside_furniture(&p) {
            continue;
        }
        let text = text_of(p);
        if text.len() < 25 {
            continue;
        }
        let score = 1.0 + text.matches(',').count() as f32 + (text.len() as f32 / 100.0).min(3.0);
        let parent = p.parent().and_then(ElementRef::wrap);
        if let Some(parent) = parent {
            scores.entry(parent.id()).or_insert((0.0, parent)).0 += score;
            if let Some(grand) = parent.parent().and_then(ElementRef::wrap) {
                scores.entry(grand.id()).or_insert((0.0, grand)).0 += score / 2.0;
            }
        }
    }
    let best = scores
        .values()
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, e)| *e)
        .or_else(|| selector("article").and_then(|s| doc.select(&s).next()))
        .or_else(|| selector("body").and_then(|s| doc.select(&s).next()));
    let Some(container) = best else { return page };

    let Some(blocks) = selector(&BLOCKS.join(",")) else {
        return page;
    };
    for block in container.select(&blocks) {
        // Nested blocks (a <p> in an <li>) are read once, by the outer one.
        let nested = block
            .ancestors()
            .take_while(|a| a.id() != container.id())
            .any(|a| ElementRef::wrap(a).is_some_and(|el| BLOCKS.contains(&el.value().name())));
        if nested || inside_furniture(&block) {
            continue;
        }
        let text = text_of(block);
        if text.is_empty() || link_density(block, text.len()) > 0.6 {
            continue;
        }
        if page.paragraphs.last() != Some(&text) {
            page.paragraphs.push(text);
        }
    }
    // The headline often opens the container too; keep it once.
    if let (Some(title), Some(first)) = (&page.title, page.paragraphs.first())
        && first == title
    {
        page.paragraphs.remove(0);
    }
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page as news sites serve it: navigation, scripts, ads, share bar, related links,
    /// comments and footer around the article.
    const NEWS_PAGE: &str = include_str!("../../../../tests/fixtures/news-page.html");

    #[test]
    fn a_news_page_gives_its_article_and_metadata_only() {
        let page = parse(NEWS_PAGE);
        assert_eq!(
            page.title.as_deref(),
            Some("Lavrov Tours Central Asia as Afghan Talks Split")
        );
        assert_eq!(page.publisher.as_deref(), Some("The Steppe Monitor"));
        assert_eq!(page.author.as_deref(), Some("Aigerim Bekova"));
        assert_eq!(page.published.as_deref(), Some("2019-02-05T09:30:00Z"));
        assert_eq!(
            page.url.as_deref(),
            Some("https://example.org/2019/02/lavrov-central-asia")
        );
        assert_eq!(
            page.paragraphs,
            vec![
                "Russian Foreign Minister Sergei Lavrov began a three-country tour on February 3, visiting Kyrgyzstan, Tajikistan and Turkmenistan.",
                "Western outlets read the trip as a response to a possible U.S. withdrawal from Afghanistan & the region’s worries. Officials in Bishkek called it “timely.”",
                "Talks in Moscow",
                "Meanwhile, Moscow hosted Taliban representatives and former president Hamid Karzai, while the Ghani government, excluded from the meeting, criticised both negotiating tracks.",
                "Analysts say the rivalry, with Kabul sidelined, could slow the peace process for months.",
            ]
        );
    }

    #[test]
    fn a_page_without_paragraph_elements_keeps_its_title_and_yields_no_paragraphs() {
        let page = parse(
            "<html><head><title>Note</title></head><body><div>Just a line of text here.</div></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("Note"));
        assert!(page.paragraphs.is_empty());
    }
}
