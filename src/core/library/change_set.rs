//! Undo by change sets. The changes one step makes belong together: traefik's
//! dynamic configuration names the certificate and key written beside it.
//! Taking back some of them and leaving the rest would leave files that no
//! longer fit (a configuration that names a certificate undo removed, and
//! traefik falls back to its default certificate). This module decides,
//! from what undo would find, which sets it can take back whole and which
//! it may only break after asking, and says in plain words what would then
//! stay inconsistent.

use serde::{Deserialize, Serialize};

use crate::core::model::check::Text;

/// What one file of a set is to the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// traefik's configuration, which names the other files of the set.
    Configuration,
    Certificate,
    Key,
    File,
}

/// The set a journal entry belongs to; entries without one stand alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetMember {
    /// The same name for every change of the set, also across runs.
    pub name: String,
    pub role: Role,
}

impl SetMember {
    pub fn new(name: impl Into<String>, role: Role) -> Self {
        SetMember {
            name: name.into(),
            role,
        }
    }
}

/// What undo finds at a change's target now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Still exactly what the wizard wrote: undo takes it back.
    Ours,
    /// Changed by someone since: undo leaves it alone.
    ByHand,
    /// Already as before: nothing to take back.
    AsBefore,
    /// Not a file (a firewall window, a command): undone as usual.
    Other,
}

/// One change undo plans to take back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: u64,
    pub set: Option<SetMember>,
    /// The file, as shown to the person.
    pub target: String,
    pub found: Found,
    /// Undo removes the file (it did not exist before).
    pub removes: bool,
}

/// A set undo can only take back in part: files changed by hand stay,
/// the others would be taken back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Break {
    pub set: String,
    /// Every planned change of the set: kept together unless the person
    /// says yes.
    pub ids: Vec<u64>,
    /// The files changed by hand.
    pub edited: Vec<String>,
    /// What would no longer fit, one line each.
    pub consequences: Vec<Text>,
}

impl Break {
    /// The question's opening, naming the files changed by hand.
    pub fn question(&self) -> Text {
        Text::new("change-set-question").arg("edited", self.edited.join(", "))
    }
}

/// The sets among `members` that undo would break. A set is broken when at
/// least one file was changed by hand and undo would still take back
/// another; a set whose other files are already as before is not.
pub fn breaks(members: &[Member]) -> Vec<Break> {
    let mut names: Vec<&str> = Vec::new();
    for m in members {
        if let Some(s) = &m.set
            && !names.contains(&s.name.as_str())
        {
            names.push(&s.name);
        }
    }
    names
        .into_iter()
        .filter_map(|name| {
            let set: Vec<&Member> = members
                .iter()
                .filter(|m| m.set.as_ref().is_some_and(|s| s.name == name))
                .collect();
            let edited: Vec<&&Member> = set.iter().filter(|m| m.found == Found::ByHand).collect();
            let taken: Vec<&&Member> = set
                .iter()
                .filter(|m| matches!(m.found, Found::Ours | Found::Other))
                .collect();
            if edited.is_empty() || taken.is_empty() {
                return None;
            }
            let mut consequences = Vec::new();
            for e in &edited {
                for t in &taken {
                    consequences.push(consequence(e, t));
                }
            }
            Some(Break {
                set: name.to_string(),
                ids: set.iter().map(|m| m.id).collect(),
                edited: edited.iter().map(|m| m.target.clone()).collect(),
                consequences,
            })
        })
        .collect()
}

fn role(m: &Member) -> Role {
    m.set.as_ref().map_or(Role::File, |s| s.role)
}

/// Why the edited file and the one taken back no longer fit.
fn consequence(edited: &Member, taken: &Member) -> Text {
    match (role(edited), role(taken)) {
        (Role::Configuration, r @ (Role::Certificate | Role::Key)) => {
            let id = match (r == Role::Key, taken.removes) {
                (true, true) => "change-set-key-removed",
                (true, false) => "change-set-key-restored",
                (false, true) => "change-set-cert-removed",
                (false, false) => "change-set-cert-restored",
            };
            Text::new(id)
                .arg("config", edited.target.clone())
                .arg("file", taken.target.clone())
        }
        _ => Text::new("change-set-mismatch")
            .arg("edited", edited.target.clone())
            .arg("other", taken.target.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(id: u64, role: Role, found: Found, removes: bool) -> Member {
        Member {
            id,
            set: Some(SetMember::new("golive:a.crt", role)),
            target: format!("/f/{id}"),
            found,
            removes,
        }
    }

    #[test]
    fn a_set_left_untouched_by_hand_is_not_broken() {
        let ms = [
            m(1, Role::Key, Found::Ours, true),
            m(2, Role::Certificate, Found::Ours, true),
            m(3, Role::Configuration, Found::Ours, false),
        ];
        assert!(breaks(&ms).is_empty());
    }

    #[test]
    fn an_edited_configuration_names_the_removed_certificate_and_key() {
        let ms = [
            m(1, Role::Key, Found::Ours, true),
            m(2, Role::Certificate, Found::Ours, true),
            m(3, Role::Configuration, Found::ByHand, false),
            Member {
                id: 4,
                set: None,
                target: "/alone".into(),
                found: Found::ByHand,
                removes: false,
            },
        ];
        let b = breaks(&ms);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].ids, [1, 2, 3]);
        assert_eq!(b[0].edited, ["/f/3"]);
        let ids: Vec<&str> = b[0].consequences.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["change-set-key-removed", "change-set-cert-removed"]);
        assert!(
            b[0].consequences[1]
                .args
                .contains(&("file".into(), "/f/2".into()))
        );
    }

    #[test]
    fn nothing_left_to_take_back_breaks_nothing() {
        let ms = [
            m(1, Role::Certificate, Found::AsBefore, true),
            m(2, Role::Configuration, Found::ByHand, false),
        ];
        assert!(breaks(&ms).is_empty());
    }

    #[test]
    fn an_edited_certificate_against_a_restored_configuration() {
        let ms = [
            m(1, Role::Certificate, Found::ByHand, false),
            m(2, Role::Configuration, Found::Ours, false),
        ];
        let b = breaks(&ms);
        assert_eq!(b[0].consequences[0].id, "change-set-mismatch");
    }
}
