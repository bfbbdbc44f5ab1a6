//! Brief export speed (release build): `cargo bench --bench brief [-- --json]`.
//!
//! 1. PDF export of the worked example in process (brief, fit, layout, PDF writing).
//! 2. The whole `briefing-notebook export … --format pdf` command, start-up included.
//!
//! Prints median and spread over many runs; targets from the issue are shown beside them.

use briefing_core::dates::Date;
use briefing_core::export::{Format, Paper, export};
use briefing_core::storage::load_notebook;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

#[path = "../crates/core/benches/support/mod.rs"]
mod support;
use support::time;

const WORKED_EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/saves/lavrov-central-asia-tour.ron"
);

struct Figure {
    name: &'static str,
    target_ms: f64,
    samples: Vec<Duration>,
}

impl Figure {
    fn median_ms(&self) -> f64 {
        let mut s: Vec<f64> = self
            .samples
            .iter()
            .map(|d| d.as_secs_f64() * 1000.0)
            .collect();
        s.sort_by(f64::total_cmp);
        s[s.len() / 2]
    }

    fn range_ms(&self) -> (f64, f64) {
        let s: Vec<f64> = self
            .samples
            .iter()
            .map(|d| d.as_secs_f64() * 1000.0)
            .collect();
        (
            s.iter().copied().fold(f64::INFINITY, f64::min),
            s.iter().copied().fold(0.0, f64::max),
        )
    }
}

fn main() {
    let json = std::env::args().any(|a| a == "--json");
    let (notebook, _) = load_notebook(Path::new(WORKED_EXAMPLE)).expect("worked example loads");
    let date = Date::new(2026, 11, 28);
    let mut figures = vec![Figure {
        name: "PDF export of the worked example, in process",
        target_ms: 50.0,
        samples: time(60, || {
            let out = export(&notebook, Format::Pdf, Paper::A4, date).expect("exports");
            assert!(out.bytes.len() > 1000);
        }),
    }];
    let out_dir = tempfile::tempdir().expect("temp dir");
    let out = out_dir.path().join("brief.pdf");
    let bin = env!("CARGO_BIN_EXE_briefing-notebook");
    figures.push(Figure {
        name: "`briefing-notebook export … --format pdf`, whole command",
        target_ms: 300.0,
        samples: time(30, || {
            let status = Command::new(bin)
                .args([
                    "export",
                    WORKED_EXAMPLE,
                    "--format",
                    "pdf",
                    "--date",
                    "2026-11-28",
                    "-o",
                ])
                .arg(&out)
                .stdout(std::process::Stdio::null())
                .status()
                .expect("runs");
            assert!(status.success());
        }),
    });
    if json {
        let rows: Vec<String> = figures
            .iter()
            .map(|f| {
                let (lo, hi) = f.range_ms();
                format!(
                    "{{\"figure\":{:?},\"target_ms\":{},\"median_ms\":{:.2},\"min_ms\":{lo:.2},\"max_ms\":{hi:.2},\"runs\":{}}}",
                    f.name,
                    f.target_ms,
                    f.median_ms(),
                    f.samples.len()
                )
            })
            .collect();
        println!("[{}]", rows.join(","));
    } else {
        println!("| figure | target | median | min-max | runs |");
        println!("| --- | --- | --- | --- | --- |");
        for f in &figures {
            let (lo, hi) = f.range_ms();
            println!(
                "| {} | ≤ {} ms | {:.1} ms | {lo:.1}-{hi:.1} ms | {} |",
                f.name,
                f.target_ms,
                f.median_ms(),
                f.samples.len()
            );
        }
    }
}
