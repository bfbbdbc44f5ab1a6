//! Per-user folders, from the `directories` crate.

use std::path::{Path, PathBuf};

/// Environment variable that moves every per-user folder under one directory
/// (portable installs, and tests that must not touch the real home folder).
pub const HOME_OVERRIDE_VAR: &str = "BRIEFING_NOTEBOOK_HOME";

/// Where the app keeps its settings and where notebooks go by default.
#[derive(Clone, Debug)]
pub struct AppDirs {
    /// Settings (recent files, last notebook).
    pub config: PathBuf,
    /// Default folder offered for new notebooks.
    pub notebooks: PathBuf,
    /// Per-user data: autosaved recovery files.
    pub data: PathBuf,
}

impl AppDirs {
    /// The folders for this user, honouring [`HOME_OVERRIDE_VAR`].
    pub fn for_user() -> Self {
        if let Some(home) = std::env::var_os(HOME_OVERRIDE_VAR) {
            return Self::under(Path::new(&home));
        }
        let project =
            directories::ProjectDirs::from("org", "Briefing Notebook", "briefing-notebook");
        let config = project.as_ref().map_or_else(
            || std::env::temp_dir().join("briefing-notebook"),
            |p| p.config_dir().to_path_buf(),
        );
        let data = project
            .as_ref()
            .map_or_else(|| config.join("data"), |p| p.data_dir().to_path_buf());
        let notebooks = directories::UserDirs::new()
            .and_then(|u| u.document_dir().map(|d| d.join("Briefing Notebook")))
            .unwrap_or_else(|| data.join("notebooks"));
        Self {
            config,
            notebooks,
            data,
        }
    }

    /// All folders under one root.
    pub fn under(root: &Path) -> Self {
        Self {
            config: root.join("config"),
            notebooks: root.join("notebooks"),
            data: root.join("data"),
        }
    }

    /// Where autosaved recovery files go.
    pub fn recovery(&self) -> PathBuf {
        self.data.join("recovery")
    }

    /// The settings file.
    pub fn settings_file(&self) -> PathBuf {
        self.config.join("settings.ron")
    }
}
