//! Remote access for Orthanc's built-in HTTPS: practice computers get in
//! only with `RemoteAccessAllowed` and, for a login, `RegisteredUsers`
//! with `AuthenticationEnabled`. Debian's service reads every `.json` of
//! its configuration folder, and keeps the users apart from the rest in
//! `credentials.json` (readable by Orthanc alone), so each setting is
//! changed in the file that already has it; what no file has goes into
//! the main one.

use super::{
    KEY_REMOTE_ACCESS, KEY_USERS, OrthancError, json_string, jsonc, set_member, unified_diff,
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

fn last_value<'a>(text: &'a str, root: &jsonc::Root, key: &str) -> Option<&'a str> {
    root.members
        .iter()
        .rev()
        .find(|m| m.key == key)
        .map(|m| &text[m.value.clone()])
}

/// Reads the three settings across `files`. A file that does not parse
/// is an error with its index.
pub fn read(files: &[ConfigFile]) -> Result<AccessSettings, (usize, OrthancError)> {
    let mut s = AccessSettings::default();
    for (i, f) in files.iter().enumerate() {
        let root = jsonc::parse(&f.text).map_err(|e| (i, e.into()))?;
        let boolean = |key| {
            last_value(&f.text, &root, key).and_then(|v| serde_json::from_str::<bool>(v).ok())
        };
        if let Some(v) = boolean(KEY_REMOTE_ACCESS) {
            s.remote_access = Some(v);
        }
        if let Some(v) = boolean(KEY_AUTHENTICATION) {
            s.authentication = Some(v);
        }
        if let Some(v) = last_value(&f.text, &root, KEY_USERS) {
            s.users += jsonc::parse(v).map_or(0, |r| r.members.len());
        }
    }
    Ok(s)
}

/// The first file that has `key` at its top level.
fn holder(files: &[ConfigFile], key: &str) -> Option<usize> {
    files
        .iter()
        .position(|f| jsonc::parse(&f.text).is_ok_and(|r| r.members.iter().any(|m| m.key == key)))
}

/// Each file's new text (unchanged where nothing is to do): remote access
/// on, login required, and `login` among the users (its password replaced
/// if the user is there already). `files[0]` is the main file.
pub fn allow(files: &[ConfigFile], login: &Login) -> Result<Vec<String>, (usize, OrthancError)> {
    let mut out: Vec<String> = files.iter().map(|f| f.text.clone()).collect();
    if out.is_empty() {
        return Ok(out);
    }
    let remote = holder(files, KEY_REMOTE_ACCESS).unwrap_or(0);
    out[remote] =
        set_member(&out[remote], KEY_REMOTE_ACCESS, "true", None).map_err(|e| (remote, e))?;
    let auth = holder(files, KEY_AUTHENTICATION).unwrap_or(remote);
    out[auth] = set_member(
        &out[auth],
        KEY_AUTHENTICATION,
        "true",
        Some(KEY_REMOTE_ACCESS),
    )
    .map_err(|e| (auth, e))?;
    let users = holder(files, KEY_USERS).unwrap_or(auth);
    out[users] = add_user(&out[users], login).map_err(|e| (users, e))?;
    Ok(out)
}

/// Each file's new text with remote access off, for the terminator: only
/// stunnel on this machine may reach Orthanc then. Nothing changes where
/// no file turns it on.
pub fn close(files: &[ConfigFile]) -> Result<Vec<String>, (usize, OrthancError)> {
    let mut out: Vec<String> = files.iter().map(|f| f.text.clone()).collect();
    for (i, f) in files.iter().enumerate() {
        let root = jsonc::parse(&f.text).map_err(|e| (i, e.into()))?;
        let on = last_value(&f.text, &root, KEY_REMOTE_ACCESS)
            .and_then(|v| serde_json::from_str::<bool>(v).ok())
            == Some(true);
        if on {
            out[i] = set_member(&f.text, KEY_REMOTE_ACCESS, "false", None).map_err(|e| (i, e))?;
        }
    }
    Ok(out)
}

/// `login` into `RegisteredUsers` of `text` (which is made if missing).
pub fn add_user(text: &str, login: &Login) -> Result<String, OrthancError> {
    let root = jsonc::parse(text)?;
    let Some(member) = root.members.iter().rev().find(|m| m.key == KEY_USERS) else {
        // In the file's own `:` spacing.
        let colon = root
            .members
            .first()
            .map_or(" : ".to_string(), |m| super::separator(text, m));
        let value = format!(
            "{{ {}{colon}{} }}",
            json_string(&login.user),
            json_string(&login.password)
        );
        return set_member(text, KEY_USERS, &value, Some(KEY_AUTHENTICATION));
    };
    let span = member.value.clone();
    let inner = &text[span.clone()];
    // The users' own indentation: two more than the key's line.
    let line_start = text[..member.key_span.start]
        .rfind('\n')
        .map_or(0, |n| n + 1);
    let lead: String = text[line_start..member.key_span.start]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let users = jsonc::parse(inner)?;
    let edited = if users.members.is_empty() {
        let pos = jsonc::end_of_line_trivia(inner, users.open + 1);
        let separator = if text[member.key_span.end..span.start].contains(" :") {
            " : "
        } else {
            ": "
        };
        let mut s = inner.to_string();
        let mut entry = format!(
            "\n{lead}  {}{separator}{}",
            json_string(&login.user),
            json_string(&login.password)
        );
        if inner.as_bytes().get(pos) == Some(&b'}') {
            entry.push('\n');
            entry.push_str(&lead);
        }
        s.insert_str(pos, &entry);
        s
    } else {
        set_member(inner, &login.user, &json_string(&login.password), None)?
    };
    let mut out = text.to_string();
    out.replace_range(span, &edited);
    Ok(out)
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
        assert_eq!(
            new[1],
            "{\n  // users\n  \"RegisteredUsers\" : {\n    \"praxis\" : \"Röntgen-2026\"\n    // \"alice\" : \"alicePassword\"\n  }\n}\n"
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
        assert_eq!(
            new[0],
            "{ \"RemoteAccessAllowed\": true, \"AuthenticationEnabled\": true, \"RegisteredUsers\": { \"alice\": \"a\", \"praxis\": \"Röntgen-2026\" } }"
        );
    }

    #[test]
    fn without_users_anywhere_they_go_into_the_main_file() {
        let text = "{\n  \"Name\" : \"x\"\n}\n";
        let new = allow(&[file("o.json", text)], &login()).unwrap();
        assert_eq!(
            new[0],
            "{\n  \"Name\" : \"x\",\n  \"RemoteAccessAllowed\" : true,\n  \"AuthenticationEnabled\" : true,\n  \"RegisteredUsers\" : { \"praxis\" : \"Röntgen-2026\" }\n}\n"
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
