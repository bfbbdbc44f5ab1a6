//! The app at every size (release build): `cargo bench --bench perf [-- --json]`.
//!
//! Generates its own data and measures, as medians: opening a notebook to its first frame
//! (headless egui: run + tessellate), steady scrolling frames with 2,000 highlights and 200
//! actors' mentions, the frame after attaching a span, loading and saving a big notebook,
//! finding 500 aliases, PDF export, and peak memory with a 10 MB article open.

mod support;

use briefing_notebook::brief::Date;
use briefing_notebook::export::{Format, Paper, export};
use briefing_notebook::mentions::find_mentions;
use briefing_notebook::model::{ItemKind, ItemRef};
use briefing_notebook::storage::{AppDirs, load_notebook, save_notebook, to_ron};
use briefing_notebook::ui::BriefingApp;
use briefing_notebook::ui::command::Command;
use briefing_notebook::ui::file_dialog::{FilePicker, PickRequest};
use eframe::egui::{
    self, Event, MouseWheelSource, MouseWheelUnit, Pos2, RawInput, Rect, TouchPhase, vec2,
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
        briefing_notebook::ui::fonts::install(&ctx);
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
        let _ = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        t.elapsed().as_secs_f64() * 1000.0
    }
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

/// Opens a notebook and draws frames until the text is laid out with its final fonts.
fn open_to_first_frame(home: &Path, path: &Path) -> (f64, Window) {
    let t = Instant::now();
    let mut w = Window::open(home, path);
    let t_open = t.elapsed().as_secs_f64() * 1000.0;
    let f1 = w.frame(Vec::new());
    if std::env::var_os("PERF_DEBUG").is_some() {
        eprintln!("open {t_open:.1} ms, frame {f1:.1} ms");
    }
    (t.elapsed().as_secs_f64() * 1000.0, w)
}

fn rss_child(path: &Path, home: &Path) {
    let (_, mut w) = open_to_first_frame(home, path);
    eprintln!(
        "article: {} bytes",
        w.app.document().notebook().article.text.len()
    );
    for _ in 0..60 {
        w.frame(wheel(-400.0));
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let hwm = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .unwrap_or(0.0);
    println!("{}", hwm / 1024.0);
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let home = dir.path().join("home");
    if let Some(i) = args.iter().position(|a| a == "--rss-child") {
        rss_child(Path::new(&args[i + 1]), &home);
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
            format!("open notebook to first frame, {label}"),
            open_target,
            median(opens),
        );

        let (_, mut w) = open_to_first_frame(&home, &path);
        for _ in 0..10 {
            w.frame(Vec::new());
        }
        let frames: Vec<f64> = (0..120)
            .map(|i| w.frame(wheel(if i % 40 < 20 { -300.0 } else { 300.0 })))
            .collect();
        let m = median(frames);
        steady.push(m);
        row(
            &mut rows,
            format!("steady frame while scrolling, {label}, 2,000 highlights, 200 actors"),
            if bytes == MB { 2.0 } else { 16.7 },
            m,
        );

        if bytes == MB {
            let actor = w.app.document().notebook().actors[0].id;
            let mut after = Vec::new();
            for k in 0..20 {
                w.app.apply(Command::Focus(ItemRef {
                    kind: ItemKind::Actor,
                    id: actor,
                }));
                w.frame(Vec::new());
                w.frame(Vec::new());
                let start = 100 + k * 37;
                w.app.article_view().set_selection(start, start + 25);
                w.app.apply(Command::AttachSelection);
                after.push(w.frame(Vec::new()));
            }
            row(
                &mut rows,
                "frame after attaching a span, 1 MB",
                5.0,
                median(after),
            );
        }
    }
    rows.push(Row {
        name: "steady frame at 10 MB within 2x of 10 KB".into(),
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
        briefing_notebook::storage::write_atomic(&dir.path().join("raw.ron"), text.as_bytes())
            .expect("writes");
        eprintln!("write_atomic {:.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    }

    // 5. Mentions of 500 aliases in 1 MB.
    let nb500 = support::notebook(MB, 250, 0);
    let finds: Vec<f64> = (0..10)
        .map(|_| {
            let t = Instant::now();
            let found = find_mentions(&nb500.article.text, &nb500.actors);
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

    // 7. Peak memory with a 10 MB article open (a fresh process, so nothing else counts).
    let ten = dir.path().join(format!("{}.ron", 10 * MB));
    let exe = std::env::current_exe().expect("exe");
    let out = std::process::Command::new(exe)
        .args(["--rss-child", ten.to_str().unwrap_or_default()])
        .output()
        .expect("child");
    let rss: f64 = String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or(f64::NAN);
    rows.push(Row {
        name: "peak memory (RSS) with a 10 MB article open and scrolled".into(),
        target: "< 300 MB".into(),
        measured: format!("{rss:.0} MB"),
        ok: rss < 300.0,
        value_ms: rss,
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
