//! Crash-safe file replacement.

use super::StorageError;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` so that a crash at any moment leaves either the old file or
/// the new one, never a mix: a temporary file in the same folder is written, flushed to
/// disk and renamed over the target, then the folder itself is flushed.
///
/// Permissions are those of an ordinary file: a replaced file keeps its mode (a 0640
/// notebook stays 0640); a new one gets `0666 & !umask` (0644 under umask 022).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StorageError> {
    write_atomic_like(path, bytes, path)
}

/// [`write_atomic`], with the mode taken from `mode_of` when that file exists (a backup
/// is exactly as private as the notebook it copies), else as for a new file.
pub(super) fn write_atomic_like(
    path: &Path,
    bytes: &[u8],
    mode_of: &Path,
) -> Result<(), StorageError> {
    let io = |action: &'static str| {
        move |source: std::io::Error| StorageError::Io {
            path: path.to_path_buf(),
            action,
            source,
        }
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(StorageError::Io {
            path: path.to_path_buf(),
            action: "cannot save",
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!(
                    "the folder {} does not exist; choose another place",
                    dir.display()
                ),
            ),
        });
    }
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let existing = std::fs::metadata(mode_of).ok().map(|m| m.permissions());
    let mut builder = tempfile::Builder::new();
    let prefix = format!(".{file_name}.");
    builder.prefix(&prefix).suffix(".tmp");
    if existing.is_none() {
        new_file_mode(&mut builder);
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(io("cannot create a temporary file in its folder"))?;
    tmp.write_all(bytes).map_err(io("cannot write"))?;
    if let Some(permissions) = existing {
        keep_mode(tmp.as_file(), permissions);
    }
    tmp.as_file()
        .sync_all()
        .map_err(io("cannot flush to disk"))?;
    tmp.persist(path)
        .map_err(|e| io("cannot replace the file")(e.error))?;
    sync_dir(dir);
    remove_stale_temporaries(dir, &file_name);
    Ok(())
}

/// Removes temporary files that earlier writes of this file left behind when the process
/// was killed mid-write (ours are named `.NAME.XXXXXX.tmp`). Only old ones, so a write
/// by another process that is under way right now is left alone.
fn remove_stale_temporaries(dir: &Path, file_name: &str) {
    let prefix = format!(".{file_name}.");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !(name.starts_with(&prefix) && name.ends_with(".tmp")) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age.as_secs() > 60);
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A new file is created `0666` and the kernel applies the umask (and a folder's default
/// ACL), as for any program's new file. This avoids reading the umask, which can only be
/// done by changing it, racing the app's other threads.
#[cfg(unix)]
fn new_file_mode(builder: &mut tempfile::Builder<'_, '_>) {
    use std::os::unix::fs::PermissionsExt;
    builder.permissions(std::fs::Permissions::from_mode(0o666));
}

#[cfg(not(unix))]
fn new_file_mode(_builder: &mut tempfile::Builder<'_, '_>) {}

/// Gives the temporary file (created `0600`) the mode of the file it replaces, before the
/// rename. Only the permission bits: set-id bits are not carried over. Best effort: a
/// file system that cannot change modes leaves it `0600`, which is stricter, not looser.
#[cfg(unix)]
fn keep_mode(file: &std::fs::File, permissions: std::fs::Permissions) {
    use std::os::unix::fs::PermissionsExt;
    let mode = permissions.mode() & 0o777;
    let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
}

#[cfg(not(unix))]
fn keep_mode(file: &std::fs::File, permissions: std::fs::Permissions) {
    // Read-only is the only portable bit; a read-only target could not be replaced anyway.
    let _ = (file, permissions);
}

#[cfg(unix)]
fn sync_dir(dir: &Path) {
    // Makes the rename itself durable. Some file systems refuse to fsync a folder;
    // the data is already safe in the renamed file, so this is best effort.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode_and_a_backup_takes_its_notebooks() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        write_atomic(&path, b"one").unwrap();
        for wanted in [0o640, 0o600, 0o664] {
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(wanted)).unwrap();
            write_atomic(&path, b"two").unwrap();
            assert_eq!(mode(&path), wanted);
        }
        let bak = dir.path().join("a.ron.bak");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic_like(&bak, b"old", &path).unwrap();
        assert_eq!(mode(&bak), 0o600, "as private as the notebook");
    }

    #[test]
    fn missing_folder_is_a_clear_error() {
        let err = write_atomic(Path::new("/nonexistent-folder/x.ron"), b"x").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("/nonexistent-folder/x.ron"), "{msg}");
    }
}
