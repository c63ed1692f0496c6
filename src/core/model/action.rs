//! A key press, as the ui's key map translated it.

/// A key press, already translated by the ui's key map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Next,
    Back,
    Help,
    /// G in the help: the words explained.
    Glossary,
    ToggleLang,
    Quit,
    Char(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    Up,
    Down,
    /// Space on a manual step: "I have done this".
    Toggle,
    /// "Trotzdem weiter": pass a failed check that may be passed.
    Override,
    Recheck,
    /// Show or hide the technical detail of the findings.
    Detail,
    Yes,
    No,
    /// Page the step's text when it is longer than the window.
    PageDown,
    PageUp,
    /// Open the firewall window (after a confirmation).
    OpenWindow,
    /// Tab: the next text field of a step with several.
    NextField,
    /// Ctrl+T: send a test mail (the renewal step).
    TestMail,
}

impl Action {
    /// Keys that edit a text field (typing, erasing, moving the cursor).
    pub fn is_edit(self) -> bool {
        matches!(
            self,
            Action::Char(_)
                | Action::Backspace
                | Action::Delete
                | Action::Left
                | Action::Right
                | Action::Home
                | Action::End
        )
    }
}
