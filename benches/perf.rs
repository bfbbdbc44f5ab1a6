//! The app at every size (release build): `cargo bench --bench perf [-- --json]`.
//!
//! Generates its own data and measures, as medians: opening a notebook until its view has
//! settled (headless egui: run + tessellate, every frame until no repaint is pending),
//! frames while wheel-scrolling the whole article top to bottom with 2,000 highlights and
//! 200 actors' mentions, attaching a span (the edit, its undo snapshot and the next
//! frame), loading and saving a big notebook, finding 500 aliases, PDF export, importing a
//! 50 MB article (time and peak memory) and peak memory after paging through a whole 10 MB
//! article with Page Down (each in a fresh process, so nothing else counts).

#[path = "../crates/core/benches/support/mod.rs"]
mod support;

use briefing_core::dates::Date;
use briefing_core::export::{Format, Paper, export};
use briefing_core::mentions::find_mentions;
use briefing_core::model::{ItemKind, ItemRef};
use briefing_core::storage::{AppDirs, load_notebook, save_notebook, to_ron};
use briefing_ui::BriefingApp;
use briefing_ui::command::{EditCommand, ViewCommand};
use briefing_ui::file_dialog::{FilePicker, PickRequest};
use egui::{
    self, Event, Key, Modifiers, MouseWheelSource, MouseWheelUnit, PointerButton, Pos2, RawInput,
    Rect, TouchPhase, ViewportId, vec2,
};
use std::path::{Path, PathBuf};
use std::time::Instant;

struct NoDialogs;

impl FilePicker for NoDialogs {
    fn pick(&self, _request: &PickRequest) -> Option<PathBuf> {
        None
    }
}

const KB: usize = 1024;
const MB: usize = 1024 * 1024;

/// A headless window: one egui context driving the real app.
struct Window {
    ctx: egui::Context,
    app: BriefingApp,
    time: f64,
}

impl Window {
    fn open(home: &Path, notebook: &Path) -> Self {
        let ctx = egui::Context::default();
        // As the real window does before its first frame.
        briefing_ui::fonts::install(&ctx);
        // The scroll bars fade in over 0.1 s; that animation asks for repaints without any
        // work pending, so "settled" would otherwise mean "the fade has finished".
        ctx.all_styles_mut(|style| style.animation_time = 0.0);
        let app = BriefingApp::new(
            AppDirs::under(home),
            NoDialogs,
            Some(notebook.to_path_buf()),
        );
        Self {
            ctx,
            app,
            time: 0.0,
        }
    }

    /// One frame: the app's UI pass plus tessellation (what a real frame costs the CPU).
    fn frame(&mut self, events: Vec<Event>) -> f64 {
        self.frame_and_settled(events).0
    }

    /// One frame, and whether the app asked for no immediate repaint (its view settled).
    fn frame_and_settled(&mut self, events: Vec<Event>) -> (f64, bool) {
        self.time += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1280.0, 800.0))),
            time: Some(self.time),
            events,
            ..RawInput::default()
        };
        let t = Instant::now();
        let app = &mut self.app;
        let output = self.ctx.run_ui(input, |ui| app.show(ui));
        let settled = output
            .viewport_output
            .get(&ViewportId::ROOT)
            .is_none_or(|v| !v.repaint_delay.is_zero());
        let _ = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        (t.elapsed().as_secs_f64() * 1000.0, settled)
    }

    /// Scroll offset of the article and the most it can be.
    fn scroll(&mut self) -> (f32, f32) {
        self.app.article_view().scroll_position()
    }
}

/// A click in the article column (gives the article keyboard focus).
fn click_article() -> Vec<Event> {
    let at = Pos2::new(300.0, 400.0);
    let button = |pressed| Event::PointerButton {
        pos: at,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    vec![Event::PointerMoved(at), button(true), button(false)]
}

fn key(key: Key) -> Vec<Event> {
    vec![Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    }]
}

/// Peak resident memory of this process so far, in MB.
fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

struct Row {
    name: String,
    target: String,
    measured: String,
    ok: bool,
    value_ms: f64,
}

fn row(rows: &mut Vec<Row>, name: impl Into<String>, target_ms: f64, measured_ms: f64) {
    rows.push(Row {
        name: name.into(),
        target: format!("< {target_ms} ms"),
        measured: format!("{measured_ms:.2} ms"),
        ok: measured_ms < target_ms,
        value_ms: measured_ms,
    });
}

fn write_notebook(dir: &Path, name: &str, bytes: usize, actors: usize, spans: usize) -> PathBuf {
    let path = dir.join(name);
    let nb = support::notebook(bytes, actors, spans);
    std::fs::write(&path, to_ron(&path, &nb).expect("serialise")).expect("write");
    path
}

fn wheel(dy: f32) -> Vec<Event> {
    vec![
        Event::PointerMoved(Pos2::new(300.0, 400.0)),
        Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: vec2(0.0, dy),
            phase: TouchPhase::Move,
            source: MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        },
    ]
}

/// Opens a notebook and draws frames until the view has settled (no repaint pending: the
/// panels have their final widths and the text is laid out for them).
fn open_to_first_frame(home: &Path, path: &Path) -> (f64, Window) {
    let t = Instant::now();
    let mut w = Window::open(home, path);
    let t_open = t.elapsed().as_secs_f64() * 1000.0;
    let mut frames = 0;
    loop {
        frames += 1;
        let (ms, settled) = w.frame_and_settled(Vec::new());
        if std::env::var_os("PERF_DEBUG").is_some() {
            eprintln!("  frame {frames}: {ms:.1} ms");
        }
        if settled || frames == 10 {
            break;
        }
    }
    if std::env::var_os("PERF_DEBUG").is_some() {
        eprintln!("open {t_open:.1} ms, {frames} frames to settle");
    }
    (t.elapsed().as_secs_f64() * 1000.0, w)
}

/// In a fresh process: opens the notebook, clicks into the article and presses Page Down
/// until its end is on screen. Prints the peak RSS, the most laid-out text held at once,
/// and the number of pages.
fn rss_child(path: &Path, home: &Path) {
    let (_, mut w) = open_to_first_frame(home, path);
    w.frame(click_article());
    w.frame(Vec::new());
    let mut pages = 0;
    let mut most_held = 0;
    loop {
        let (offset, max) = w.scroll();
        if offset >= max {
            break;
        }
        w.frame(key(Key::PageDown));
        pages += 1;
        most_held = most_held.max(w.app.article_view().layout_bytes());
        if pages > 1_000_000 {
            eprintln!("Page Down never reached the end");
            std::process::exit(1);
        }
    }
    println!("{} {} {pages}", peak_rss_mb(), most_held);
}

/// Shows `source` in the reader and draws frames until the view has settled; the time.
fn switch_to(w: &mut Window, source: briefing_core::model::Id) -> f64 {
    let t = Instant::now();
    w.app.apply(ViewCommand::ShowSource(source));
    for _ in 0..10 {
        if w.frame_and_settled(Vec::new()).1 {
            break;
        }
    }
    t.elapsed().as_secs_f64() * 1000.0
}

/// In a fresh process: opens a notebook of many sources and shows each in turn until
/// its view settles. Prints the peak RSS and the median switch time.
fn sources_child(path: &Path, home: &Path) {
    let (_, mut w) = open_to_first_frame(home, path);
    let ids: Vec<_> = w
        .app
        .document()
        .notebook()
        .sources
        .iter()
        .map(|s| s.id)
        .collect();
    let switches: Vec<f64> = ids
        .iter()
        .skip(1)
        .map(|&id| switch_to(&mut w, id))
        .collect();
    println!("{} {}", peak_rss_mb(), median(switches));
}

/// In a fresh process: imports an article file as `new` does; prints the time and the
/// peak RSS.
fn import_child(path: &Path) {
    let t = Instant::now();
    let article = briefing_core::import::import_file(path).expect("imports");
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    assert!(article.text.len() > 40 * MB);
    println!("{ms} {}", peak_rss_mb());
}

/// Runs this bench binary as a child with `args`; its stdout's numbers.
fn child(args: &[&str]) -> Vec<f64> {
    let exe = std::env::current_exe().expect("exe");
    let out = std::process::Command::new(exe)
        .args(args)
        .output()
        .expect("child");
    if !out.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    }
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .map(|n| n.parse().unwrap_or(f64::NAN))
        .collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let home = dir.path().join("home");
    if let Some(i) = args.iter().position(|a| a == "--rss-child") {
        rss_child(Path::new(&args[i + 1]), &home);
        return;
    }
    // The same 10 MB notebook for the real-window check (README, "Speed at every size").
    if let Some(i) = args.iter().position(|a| a == "--write-10mb") {
        let path = PathBuf::from(&args[i + 1]);
        let nb = support::notebook(10 * MB, 200, 2000);
        std::fs::write(&path, to_ron(&path, &nb).expect("serialise")).expect("write");
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--sources-child") {
        sources_child(Path::new(&args[i + 1]), &home);
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--import-child") {
        import_child(Path::new(&args[i + 1]));
        return;
    }
    let json = args.iter().any(|a| a == "--json");
    let mut rows = Vec::new();

    // 1-3. Opening, scrolling and attaching, at three sizes.
    let sizes = [("10 KB", 10 * KB), ("1 MB", MB), ("10 MB", 10 * MB)];
    let mut steady = Vec::new();
    for (label, bytes) in sizes {
        let path = write_notebook(dir.path(), &format!("{bytes}.ron"), bytes, 200, 2000);
        let opens: Vec<f64> = (0..3)
            .map(|_| open_to_first_frame(&home, &path).0)
            .collect();
        let open_target = match bytes {
            b if b >= 10 * MB => 1000.0,
            b if b >= MB => 100.0,
            _ => 100.0,
        };
        row(
            &mut rows,
            format!("open notebook until its view has settled, {label}"),
            open_target,
            median(opens),
        );

        // The whole article, top to bottom, 300 px a frame (a brisk wheel).
        let (_, mut w) = open_to_first_frame(&home, &path);
        let mut frames = Vec::new();
        loop {
            let (offset, max) = w.scroll();
            if offset >= max || frames.len() > 1_000_000 {
                break;
            }
            frames.push(w.frame(wheel(-300.0)));
        }
        let m = median(frames);
        steady.push(m);
        row(
            &mut rows,
            format!(
                "frame while wheel-scrolling the whole article, {label}, 2,000 highlights, 200 actors"
            ),
            if bytes == MB { 2.0 } else { 16.7 },
            m,
        );

        if bytes == MB {
            let actor = w.app.document().notebook().actors[0].id;
            let mut after = Vec::new();
            for k in 0..20 {
                w.app.apply(ViewCommand::Focus(ItemRef {
                    kind: ItemKind::Actor,
                    id: actor,
                }));
                w.frame(Vec::new());
                w.frame(Vec::new());
                let start = 100 + k * 37;
                w.app.article_view().set_selection(start, start + 25);
                // The edit, its undo snapshot and the frame that shows it.
                let t = Instant::now();
                w.app.apply(EditCommand::AttachSelection);
                let apply_ms = t.elapsed().as_secs_f64() * 1000.0;
                after.push(apply_ms + w.frame(Vec::new()));
            }
            row(
                &mut rows,
                "attach a span (edit, undo snapshot, next frame), 1 MB",
                5.0,
                median(after),
            );
        }
    }
    rows.push(Row {
        name: "scrolling frame at 10 MB within 2x of 10 KB".into(),
        target: format!("< {:.2} ms", 2.0 * steady[0]),
        measured: format!("{:.2} ms", steady[2]),
        ok: steady[2] < 2.0 * steady[0],
        value_ms: steady[2],
    });

    // 4. Load and save a notebook with a 5 MB article and 5,000 spans.
    let big = write_notebook(dir.path(), "5mb.ron", 5 * MB, 200, 5000);
    let loads: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let _ = load_notebook(&big).expect("loads");
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    row(
        &mut rows,
        "load a notebook: 5 MB article, 5,000 spans (parse, validate, re-check)",
        150.0,
        median(loads),
    );
    let (nb, _) = load_notebook(&big).expect("loads");
    let out = dir.path().join("saved.ron");
    let saves: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            save_notebook(&out, &nb).expect("saves");
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    row(
        &mut rows,
        "save that notebook (atomic, fsync)",
        100.0,
        median(saves),
    );
    if std::env::var_os("PERF_DEBUG").is_some() {
        let t = Instant::now();
        let text = to_ron(Path::new("perf.ron"), &nb).expect("serialise");
        eprintln!(
            "to_ron {:.1} ms ({} bytes)",
            t.elapsed().as_secs_f64() * 1000.0,
            text.len()
        );
        let t = Instant::now();
        briefing_core::storage::write_atomic(&dir.path().join("raw.ron"), text.as_bytes())
            .expect("writes");
        eprintln!("write_atomic {:.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    }

    // 5. Mentions of 500 aliases in 1 MB.
    let nb500 = support::notebook(MB, 250, 0);
    let finds: Vec<f64> = (0..10)
        .map(|_| {
            let t = Instant::now();
            let source = &nb500.sources[0];
            let found = find_mentions(source.id, &source.article.text, &nb500.actors);
            assert!(!found.is_empty());
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    row(
        &mut rows,
        "find all mentions of 500 names and aliases in 1 MB",
        10.0,
        median(finds),
    );

    // 6. PDF export of the worked example.
    let (worked, _) = load_notebook(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/saves/lavrov-central-asia-tour.ron"
    )))
    .expect("worked example");
    let pdfs: Vec<f64> = (0..30)
        .map(|_| {
            let t = Instant::now();
            let _ =
                export(&worked, Format::Pdf, Paper::A4, Date::new(2026, 11, 28)).expect("exports");
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    row(
        &mut rows,
        "PDF export of the worked example",
        50.0,
        median(pdfs),
    );

    // 7. Importing a 50 MB article: time and peak memory, in a fresh process.
    let big_text = dir.path().join("50mb.txt");
    std::fs::write(
        &big_text,
        support::article_text(50 * MB, &[], 0x51_7CC1_B727_220A),
    )
    .expect("write");
    let imports: Vec<Vec<f64>> = (0..3)
        .map(|_| child(&["--import-child", big_text.to_str().unwrap_or_default()]))
        .collect();
    let import_ms = median(
        imports
            .iter()
            .map(|v| v.first().copied().unwrap_or(f64::NAN))
            .collect(),
    );
    let import_rss = median(
        imports
            .iter()
            .map(|v| v.get(1).copied().unwrap_or(f64::NAN))
            .collect(),
    );
    row(
        &mut rows,
        "import a 50 MB text article (read, decode, LF + NFC, title)",
        5000.0,
        import_ms,
    );
    rows.push(Row {
        name: "peak memory (RSS) importing that 50 MB article".into(),
        target: "—".into(),
        measured: format!("{import_rss:.0} MB"),
        ok: true,
        value_ms: import_rss,
    });

    // 9. A notebook of 50 sources of 100 KB: open, switch source, suggestions, memory.
    let many = dir.path().join("50-sources.ron");
    let nb = support::notebook_of_sources(50, 100 * KB, 200, 2000);
    std::fs::write(&many, to_ron(&many, &nb).expect("serialise")).expect("write");
    let opens: Vec<f64> = (0..3)
        .map(|_| open_to_first_frame(&home, &many).0)
        .collect();
    row(
        &mut rows,
        "open a notebook of 50 sources × 100 KB until its view has settled",
        300.0,
        median(opens),
    );
    let (_, mut w) = open_to_first_frame(&home, &many);
    let ids: Vec<_> = nb.sources.iter().map(|s| s.id).collect();
    // Every source once, then back over them (the second visit may find it laid out).
    let switches: Vec<f64> = ids
        .iter()
        .skip(1)
        .chain(ids.iter().rev())
        .map(|&id| switch_to(&mut w, id))
        .collect();
    row(
        &mut rows,
        "switch source until the view has settled (50 sources × 100 KB, 99 switches)",
        50.0,
        median(switches),
    );
    let suggests: Vec<f64> = (0..3)
        .map(|_| {
            let t = Instant::now();
            let found = briefing_core::suggest::suggest(&nb.sources, &[]);
            assert!(!found.is_empty());
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    row(
        &mut rows,
        "actor suggestions across all 50 sources (5 MB)",
        1000.0,
        median(suggests),
    );
    let visited = child(&["--sources-child", many.to_str().unwrap_or_default()]);
    let rss = visited.first().copied().unwrap_or(f64::NAN);
    rows.push(Row {
        name: "peak memory (RSS) after showing every one of the 50 sources, fresh process".into(),
        target: "< 300 MB".into(),
        measured: format!("{rss:.0} MB"),
        ok: rss < 300.0,
        value_ms: rss,
    });

    // 8. Peak memory after paging through a whole 10 MB article (a fresh process).
    let ten = dir.path().join(format!("{}.ron", 10 * MB));
    let paged = child(&["--rss-child", ten.to_str().unwrap_or_default()]);
    let rss = paged.first().copied().unwrap_or(f64::NAN);
    let held = paged.get(1).copied().unwrap_or(f64::NAN) / MB as f64;
    let pages = paged.get(2).copied().unwrap_or(f64::NAN);
    let budget = briefing_ui::article_view::DEFAULT_LAYOUT_BUDGET as f64 / MB as f64;
    rows.push(Row {
        name: format!(
            "peak memory (RSS) after paging through a whole 10 MB article ({pages:.0} × Page Down)"
        ),
        target: "< 300 MB".into(),
        measured: format!("{rss:.0} MB"),
        ok: rss < 300.0,
        value_ms: rss,
    });
    rows.push(Row {
        name: "most laid-out text held while paging through it".into(),
        target: format!("≤ {budget:.0} MB + one screen"),
        measured: format!("{held:.1} MB"),
        ok: held <= budget + 2.0,
        value_ms: held,
    });

    if json {
        let items: Vec<String> = rows
            .iter()
            .map(|r| format!("{{\"figure\":{:?},\"target\":{:?},\"measured\":{:?},\"value\":{:.3},\"met\":{}}}", r.name, r.target, r.measured, r.value_ms, r.ok))
            .collect();
        println!("[{}]", items.join(","));
    } else {
        println!("| figure | target | measured | met |");
        println!("| --- | --- | --- | --- |");
        for r in &rows {
            println!(
                "| {} | {} | {} | {} |",
                r.name,
                r.target,
                r.measured,
                if r.ok { "yes" } else { "**no**" }
            );
        }
    }
}
