//! Remote access for Orthanc's built-in HTTPS: practice computers get in
//! only with `RemoteAccessAllowed` and, for a login, `RegisteredUsers`
//! with `AuthenticationEnabled`. Debian's service reads every `.json` of
//! its configuration folder, and keeps the users apart from the rest in
//! `credentials.json` (readable by Orthanc alone), so each setting is
//! changed in the file that already has it; what no file has goes into
//! the main one.

use jsonc_parser::cst::CstInputValue;

use super::jsonc::{self, Document};
use super::{
    KEY_REMOTE_ACCESS, KEY_USERS, OrthancError, SyntaxKind, boolean, count, set, unified_diff,
};

pub const KEY_AUTHENTICATION: &str = "AuthenticationEnabled";

/// Shown in the plan instead of the typed password.
pub const MASK: &str = "********";

/// The login a practice computer will use.
#[derive(Clone, PartialEq, Eq)]
pub struct Login {
    pub user: String,
    pub password: String,
}

impl std::fmt::Debug for Login {
    // The password never reaches a log line or a test's failure message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Login {{ user: {:?}, password: {MASK} }}", self.user)
    }
}

/// A user name Basic authentication can carry: no colon (it separates
/// user and password), no control characters, not blank.
pub fn user_ok(user: &str) -> bool {
    !user.trim().is_empty()
        && user.len() <= 64
        && !user.contains(':')
        && !user.chars().any(char::is_control)
}

/// One configuration file as Orthanc reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigFile {
    /// The path as the person knows it (for the diff and errors).
    pub label: String,
    pub text: String,
}

/// What the files say together, in the order Orthanc merges them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AccessSettings {
    pub remote_access: Option<bool>,
    pub authentication: Option<bool>,
    pub users: usize,
}

impl AccessSettings {
    /// Whether Orthanc asks for a login: as set, else (since 1.5.8) as
    /// remote access is.
    pub fn login_required(&self) -> bool {
        self.authentication
            .unwrap_or(self.remote_access.unwrap_or(false))
    }
}

/// Reads the three settings across `files`. A file that does not parse
/// is an error with its index.
pub fn read(files: &[ConfigFile]) -> Result<AccessSettings, (usize, OrthancError)> {
    let mut s = AccessSettings::default();
    for (i, f) in files.iter().enumerate() {
        let doc = Document::parse(&f.text).map_err(|e| (i, e.into()))?;
        let root = doc.object();
        if let Some(v) = boolean(root, KEY_REMOTE_ACCESS) {
            s.remote_access = Some(v);
        }
        if let Some(v) = boolean(root, KEY_AUTHENTICATION) {
            s.authentication = Some(v);
        }
        s.users += count(root, KEY_USERS);
    }
    Ok(s)
}

/// The first file that has `key` at its top level.
fn holder(files: &[ConfigFile], key: &str) -> Option<usize> {
    files.iter().position(|f| {
        Document::parse(&f.text).is_ok_and(|d| jsonc::last(d.object(), key).is_some())
    })
}

/// The files parsed as they are first edited; the others stay as read.
struct Edits<'a> {
    files: &'a [ConfigFile],
    docs: Vec<Option<Document>>,
}

impl<'a> Edits<'a> {
    fn new(files: &'a [ConfigFile]) -> Self {
        Edits {
            files,
            docs: files.iter().map(|_| None).collect(),
        }
    }

    /// `i`: an index of `files` (as `holder` finds them).
    fn open(&mut self, i: usize) -> Result<&Document, (usize, OrthancError)> {
        let slot = &mut self.docs[i];
        let doc = match slot.take() {
            Some(doc) => doc,
            None => Document::parse(&self.files[i].text).map_err(|e| (i, e.into()))?,
        };
        Ok(slot.insert(doc))
    }

    fn texts(self) -> Vec<String> {
        self.files
            .iter()
            .zip(self.docs)
            .map(|(f, d)| d.map_or_else(|| f.text.clone(), |d| d.text()))
            .collect()
    }
}

/// Each file's new text (unchanged where nothing is to do): remote access
/// on, login required, and `login` among the users (its password replaced
/// if the user is there already). `files[0]` is the main file.
pub fn allow(files: &[ConfigFile], login: &Login) -> Result<Vec<String>, (usize, OrthancError)> {
    if files.is_empty() {
        return Ok(Vec::new());
    }
    let remote = holder(files, KEY_REMOTE_ACCESS).unwrap_or(0);
    let auth = holder(files, KEY_AUTHENTICATION).unwrap_or(remote);
    let users = holder(files, KEY_USERS).unwrap_or(auth);
    let mut edits = Edits::new(files);
    set(
        edits.open(remote)?.object(),
        KEY_REMOTE_ACCESS,
        true.into(),
        None,
    );
    let after = Some(KEY_REMOTE_ACCESS);
    set(
        edits.open(auth)?.object(),
        KEY_AUTHENTICATION,
        true.into(),
        after,
    );
    add_user(edits.open(users)?, login).map_err(|e| (users, e))?;
    Ok(edits.texts())
}

/// Each file's new text with remote access off, for the terminator: only
/// stunnel on this machine may reach Orthanc then. Nothing changes where
/// no file turns it on.
pub fn close(files: &[ConfigFile]) -> Result<Vec<String>, (usize, OrthancError)> {
    let mut out: Vec<String> = files.iter().map(|f| f.text.clone()).collect();
    for (i, f) in files.iter().enumerate() {
        let doc = Document::parse(&f.text).map_err(|e| (i, e.into()))?;
        if boolean(doc.object(), KEY_REMOTE_ACCESS) == Some(true) {
            set(doc.object(), KEY_REMOTE_ACCESS, false.into(), None);
            out[i] = doc.text();
        }
    }
    Ok(out)
}

/// `login` into `RegisteredUsers` of `doc` (which is made if missing).
fn add_user(doc: &Document, login: &Login) -> Result<(), OrthancError> {
    let root = doc.object();
    let password = CstInputValue::from(login.password.clone());
    let Some(users) = jsonc::last(root, KEY_USERS) else {
        let value = CstInputValue::Object(vec![(login.user.clone(), password)]);
        set(root, KEY_USERS, value, Some(KEY_AUTHENTICATION));
        return Ok(());
    };
    match (users.object_value(), users.value()) {
        (Some(object), _) => {
            set(&object, &login.user, password, None);
            Ok(())
        }
        // Orthanc itself refuses such a file; it is not ours to replace.
        (None, Some(value)) => Err(doc.error_at(SyntaxKind::RootNotObject, &value).into()),
        (None, None) => Err(doc.error_at(SyntaxKind::Unexpected, &users.into()).into()),
    }
}

/// The diff of every file `allow` changes, one after the other.
pub fn diff(files: &[ConfigFile], new: &[String]) -> String {
    files
        .iter()
        .zip(new)
        .map(|(f, n)| unified_diff(&f.text, n, &f.label))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn login() -> Login {
        Login {
            user: "praxis".into(),
            password: "Röntgen-2026".into(),
        }
    }

    fn file(label: &str, text: &str) -> ConfigFile {
        ConfigFile {
            label: label.into(),
            text: text.into(),
        }
    }

    #[test]
    fn debians_layout_keeps_users_in_credentials() {
        let main =
            "{\n  // remote\n  \"RemoteAccessAllowed\" : false,\n\n  \"SslEnabled\" : false\n}\n";
        let creds = "{\n  // users\n  \"RegisteredUsers\" : {\n    // \"alice\" : \"alicePassword\"\n  }\n}\n";
        let files = [file("orthanc.json", main), file("credentials.json", creds)];
        assert_eq!(read(&files).unwrap().users, 0);
        assert!(!read(&files).unwrap().login_required());
        let new = allow(&files, &login()).unwrap();
        assert_eq!(
            new[0],
            "{\n  // remote\n  \"RemoteAccessAllowed\" : true,\n  \"AuthenticationEnabled\" : true,\n\n  \"SslEnabled\" : false\n}\n"
        );
        // The user goes below the commented-out example (the old editor
        // put it above): the sample reads first, as Debian wrote it.
        assert_eq!(
            new[1],
            "{\n  // users\n  \"RegisteredUsers\" : {\n    // \"alice\" : \"alicePassword\"\n    \"praxis\" : \"Röntgen-2026\"\n  }\n}\n"
        );
        let after: Vec<ConfigFile> = files
            .iter()
            .zip(&new)
            .map(|(f, t)| file(&f.label, t))
            .collect();
        let s = read(&after).unwrap();
        assert_eq!((s.remote_access, s.users), (Some(true), 1));
        assert!(s.login_required());
        // Again: nothing changes.
        assert_eq!(allow(&after, &login()).unwrap(), new);
    }

    #[test]
    fn a_known_user_gets_the_new_password_and_others_stay() {
        let text = "{ \"RemoteAccessAllowed\": true, \"RegisteredUsers\": { \"alice\": \"a\", \"praxis\": \"alt\" } }";
        let new = allow(&[file("o.json", text)], &login()).unwrap();
        // The outer object gains an entry and becomes a block (the crate's
        // rule, as in Orthanc's own sample); the users' object only has a
        // value replaced and stays on its line.
        assert_eq!(
            new[0],
            "{\n  \"RemoteAccessAllowed\": true,\n  \"AuthenticationEnabled\": true,\n  \"RegisteredUsers\": { \"alice\": \"a\", \"praxis\": \"Röntgen-2026\" }\n}"
        );
    }

    #[test]
    fn without_users_anywhere_they_go_into_the_main_file() {
        let text = "{\n  \"Name\" : \"x\"\n}\n";
        let new = allow(&[file("o.json", text)], &login()).unwrap();
        assert_eq!(
            new[0],
            // One user a line, as in Debian's credentials.json (the old
            // editor wrote `{ "praxis" : … }` on the key's line).
            "{\n  \"Name\" : \"x\",\n  \"RemoteAccessAllowed\" : true,\n  \"AuthenticationEnabled\" : true,\n  \"RegisteredUsers\" : {\n    \"praxis\" : \"Röntgen-2026\"\n  }\n}\n"
        );
    }

    #[test]
    fn the_terminator_turns_remote_access_off_where_it_is_on() {
        let files = [
            file(
                "a.json",
                "{ \"RemoteAccessAllowed\" : true, // offen\n \"X\": 1 }",
            ),
            file("b.json", "{ \"RemoteAccessAllowed\": false }"),
            file("c.json", "{}"),
        ];
        let new = close(&files).unwrap();
        assert_eq!(
            new[0],
            "{ \"RemoteAccessAllowed\" : false, // offen\n \"X\": 1 }"
        );
        assert_eq!(new[1], files[1].text);
        assert_eq!(new[2], files[2].text);
    }

    #[test]
    fn a_trailing_comma_among_the_users_stays() {
        let text = "{\n  \"RegisteredUsers\" : {\n    \"alice\" : \"a\",\n  },\n}\n";
        let new = allow(&[file("o.json", text)], &login()).unwrap();
        assert_eq!(
            new[0],
            "{\n  \"RegisteredUsers\" : {\n    \"alice\" : \"a\",\n    \"praxis\" : \"Röntgen-2026\",\n  },\n  \"RemoteAccessAllowed\" : true,\n  \"AuthenticationEnabled\" : true,\n}\n"
        );
        let s = read(&[file("o.json", &new[0])]).unwrap();
        assert_eq!(s.users, 2);
    }

    #[test]
    fn users_that_are_no_object_are_refused_where_they_stand() {
        let text = "{\n  \"RegisteredUsers\" : [ \"alice\" ]\n}\n";
        let (i, OrthancError::Syntax(e)) = allow(&[file("o.json", text)], &login()).unwrap_err();
        assert_eq!(
            (i, e.kind, e.line, e.column),
            (0, SyntaxKind::RootNotObject, 2, 23)
        );
    }

    #[test]
    fn user_names_basic_authentication_cannot_carry_are_refused() {
        assert!(user_ok("praxis"));
        assert!(!user_ok("a:b"));
        assert!(!user_ok(" "));
        assert!(!user_ok("a\nb"));
    }

    #[test]
    fn the_password_is_not_in_debug_output() {
        assert!(!format!("{:?}", login()).contains("Röntgen"));
    }
}
