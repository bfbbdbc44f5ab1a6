//! Kill -9 during saves: a child process saves notebooks in a loop (as a manual save does:
//! backup, then atomic replace) and is killed with SIGKILL at random moments, hundreds of
//! times. The notebook on disk must always be the old or the new one, whole, and the
//! backup must be whole too.
//!
//! Its own `main` (no libtest harness): the same executable is the child when
//! `BRIEFING_CRASH_CHILD_PATH` is set, so no test passes by returning early and
//! `--include-ignored` has nothing to skip.

use briefing_core::model::{Article, Notebook};
use briefing_core::storage::{backup_path, from_ron, save_notebook_with_backup};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const CHILD_ENV: &str = "BRIEFING_CRASH_CHILD_PATH";
/// At least this many kills, and more (up to `MAX_ROUNDS`) until `WANTED_IN_WRITE` of them
/// have landed inside a file write: on a fast disk writes are short, so it takes longer.
const ROUNDS: usize = 300;
const MAX_ROUNDS: usize = 1500;
const WANTED_IN_WRITE: usize = 20;

/// Two notebooks, big enough that each save takes a while (a 300 KB article).
fn notebooks() -> (Notebook, Notebook) {
    let text: String = "Лавров met the delegation in Bishkek; talks went on. ".repeat(6_000);
    let mut a = Notebook::new(Article::new("Version A", text.clone()));
    a.brief.bottom_line = "A".repeat(100);
    let mut b = Notebook::new(Article::new("Version B", text + " Revised."));
    b.brief.bottom_line = "B".repeat(100);
    (a, b)
}

/// The child process: saves A and B alternately until killed.
fn child_saves_forever(path: &Path) -> ! {
    let (a, b) = notebooks();
    save_notebook_with_backup(path, &b).expect("save");
    // Tell the parent the loop is running, so its kill lands among saves.
    println!("saving");
    use std::io::Write;
    std::io::stdout().flush().expect("flush");
    loop {
        for nb in [&a, &b] {
            save_notebook_with_backup(path, nb).expect("save");
        }
    }
}

fn parses_to_a_or_b(file: &Path, a: &Notebook, b: &Notebook) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let nb = from_ron(file, &text).map_err(|e| e.to_string())?;
    if &nb == a || &nb == b {
        Ok(())
    } else {
        Err(format!(
            "{} is neither the old nor the new notebook",
            file.display()
        ))
    }
}

const NAME: &str = "killed_mid_save_never_leaves_a_broken_notebook";

fn main() {
    if let Some(path) = std::env::var_os(CHILD_ENV) {
        child_saves_forever(Path::new(&path));
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--list") {
        println!("{NAME}: test");
        return;
    }
    // Honour a name filter as libtest does (`cargo test some_other_test`).
    let filters: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    if !filters.is_empty() && !filters.iter().any(|f| NAME.contains(f.as_str())) {
        println!("\ntest result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 1 filtered out");
        return;
    }
    println!("\nrunning 1 test");
    let started = std::time::Instant::now();
    killed_mid_save_never_leaves_a_broken_notebook();
    println!("test {NAME} ... ok");
    println!(
        "\ntest result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in {:.2}s",
        started.elapsed().as_secs_f64()
    );
}

fn killed_mid_save_never_leaves_a_broken_notebook() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.ron");
    let (a, b) = notebooks();
    save_notebook_with_backup(&path, &a).unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut seed: u64 = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(7, |d| d.as_nanos() as u64)
        | 1;
    let mut killed_while_saving = 0;
    let mut rounds = 0;
    for round in 0..MAX_ROUNDS {
        if round >= ROUNDS && killed_while_saving >= WANTED_IN_WRITE {
            break;
        }
        rounds = round + 1;
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = Command::new(&exe)
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait until the child is saving, then kill it at a random moment.
        let stdout = child.stdout.take().unwrap();
        let started = std::io::BufRead::lines(std::io::BufReader::new(stdout))
            .map_while(Result::ok)
            .any(|line| line.contains("saving"));
        assert!(started, "the child did not start saving");
        std::thread::sleep(Duration::from_micros(seed % 12_000));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        if let Err(e) = parses_to_a_or_b(&path, &a, &b) {
            panic!("round {round}: {e}");
        }
        let backup = backup_path(&path);
        if backup.exists()
            && let Err(e) = parses_to_a_or_b(&backup, &a, &b)
        {
            panic!("round {round}: backup: {e}");
        }
        let leftovers = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .count();
        killed_while_saving += usize::from(leftovers > 0);
        // Temporary files of interrupted writes are the only debris; clear them.
        for e in std::fs::read_dir(dir.path()).unwrap().flatten() {
            if e.file_name().to_string_lossy().ends_with(".tmp") {
                std::fs::remove_file(e.path()).unwrap();
            }
        }
    }
    eprintln!("{rounds} kills, {killed_while_saving} of them in the middle of writing a file");
    // Most of a save is spent serialising; the kills that land inside a file write are the
    // ones that would corrupt a non-atomic save. Some must have landed there.
    assert!(
        killed_while_saving >= 5,
        "only {killed_while_saving} kills landed inside a write"
    );
}
