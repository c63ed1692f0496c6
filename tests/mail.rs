//! Failure and reminder mails, sent to a real SMTP server on 127.0.0.1.

mod support;

use std::os::unix::fs::PermissionsExt;

use base64::Engine as _;
use praxis_tls::core::{Lang, Text};
use praxis_tls::io::mail::{
    self, MailError, MailSettings, Notice, Password, Security, load_password, save_password,
};
use support::smtp::{Received, SmtpServer};

const USER: &str = "praxis@praxis-muster.ch";
const PASSWORD: &str = "Sommer-2026!Zürich";

fn settings(port: u16, user: Option<&str>, lang: Lang) -> MailSettings {
    MailSettings {
        host: "127.0.0.1".into(),
        port,
        security: Security::Plain,
        user: user.map(str::to_string),
        from: "praxis-tls <server@praxis-muster.ch>".into(),
        to: vec!["empfang@praxis-muster.ch".into()],
        lang,
    }
}

fn failed() -> Notice {
    Notice::RenewFailed {
        domain: "termine.praxis-muster.ch".into(),
        days_left: 12,
        reason: Text::new("status-none"),
        next_try: "2026-12-13 10:00 UTC".into(),
    }
}

/// Headers of a received message, unfolded, by lower-case name.
fn header(r: &Received, name: &str) -> String {
    let head = r.data.split("\r\n\r\n").next().unwrap_or("");
    let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
    unfolded
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            (k.eq_ignore_ascii_case(name)).then(|| v.trim().to_string())
        })
        .unwrap_or_default()
}

/// RFC 2047 encoded words (as lettre writes them: UTF-8, B or Q). White
/// space between two encoded words is not part of the text.
fn decode_words(s: &str) -> String {
    let mut out = String::new();
    let mut last_encoded = false;
    for word in s.split_whitespace() {
        let parts: Vec<&str> = word.split('?').collect();
        let encoded = parts.len() == 5 && parts[0] == "=" && parts[4] == "=";
        let joined = encoded && last_encoded;
        if !out.is_empty() && !joined {
            out.push(' ');
        }
        if encoded {
            let bytes = if parts[2].eq_ignore_ascii_case("b") {
                base64::engine::general_purpose::STANDARD
                    .decode(parts[3])
                    .unwrap()
            } else {
                qp(&parts[3].replace('_', " "))
            };
            out.push_str(&String::from_utf8(bytes).unwrap());
        } else {
            out.push_str(word);
        }
        last_encoded = encoded;
    }
    out
}

fn qp(s: &str) -> Vec<u8> {
    let s = s.replace("=\r\n", "");
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        if b[i] == b'='
            && let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    out
}

fn body(r: &Received) -> String {
    let raw = r.data.split_once("\r\n\r\n").map(|x| x.1).unwrap_or("");
    let cte = header(r, "content-transfer-encoding").to_ascii_lowercase();
    let bytes = match cte.as_str() {
        "base64" => base64::engine::general_purpose::STANDARD
            .decode(raw.replace("\r\n", ""))
            .unwrap(),
        "quoted-printable" => qp(raw),
        _ => raw.as_bytes().to_vec(),
    };
    String::from_utf8(bytes).unwrap().replace("\r\n", "\n")
}

#[tokio::test]
async fn failure_mail_arrives_in_german_with_auth() {
    let server = SmtpServer::start(Some((USER, PASSWORD)));
    let state = tempfile::tempdir().unwrap();
    save_password(state.path(), &Password::new(PASSWORD)).unwrap();
    let pw_file = state.path().join(mail::PASSWORD_FILE);
    assert_eq!(
        std::fs::metadata(&pw_file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let pw = load_password(state.path()).unwrap().unwrap();
    assert_eq!(format!("{pw:?}"), "Password([entfernt])");

    let s = settings(server.port(), Some(USER), Lang::De);
    let composed = mail::compose(&failed(), Lang::De);
    mail::send(&s, Some(&pw), &composed).await.unwrap();

    let got = server.received();
    assert_eq!(got.len(), 1);
    let m = &got[0];
    assert_eq!(
        m.login
            .as_ref()
            .map(|l| (l.mechanism.as_str(), l.user.as_str(), l.password.as_str())),
        Some(("PLAIN", USER, PASSWORD))
    );
    assert_eq!(m.from, "server@praxis-muster.ch");
    assert_eq!(m.to, ["empfang@praxis-muster.ch"]);
    assert_eq!(header(m, "to"), "empfang@praxis-muster.ch");
    assert_eq!(
        decode_words(&header(m, "subject")),
        "Zertifikat für termine.praxis-muster.ch konnte nicht erneuert werden"
    );
    let text = body(m);
    assert!(
        text.starts_with("Guten Tag,\n\nDas Zertifikat für termine.praxis-muster.ch"),
        "{text}"
    );
    assert!(text.contains("noch 12 Tage gültig"), "{text}");
    assert!(
        text.contains("Grund: Es ist noch kein Zertifikat eingerichtet."),
        "{text}"
    );
    // The hour is told on the server's clock (or Central European time).
    assert!(text.contains("frühestens 13.12.2026 "), "{text}");
    assert!(!text.contains("2026-12-13"), "{text}");
    assert!(text.contains("automatisch von praxis-tls"), "{text}");
    assert!(!m.data.contains(PASSWORD));
}

#[tokio::test]
async fn reminder_in_english_without_auth() {
    let server = SmtpServer::start(None);
    let s = settings(server.port(), None, Lang::En);
    let notice = Notice::Reminder {
        domain: "termine.praxis-muster.ch".into(),
        renew_at: "2026-11-24".into(),
    };
    mail::send(&s, None, &mail::compose(&notice, Lang::En))
        .await
        .unwrap();
    let got = server.received();
    assert_eq!(got.len(), 1);
    assert!(got[0].login.is_none());
    assert!(server.logins().is_empty(), "no AUTH without a user");
    assert_eq!(
        decode_words(&header(&got[0], "subject")),
        "Please switch on port forwarding for termine.praxis-muster.ch"
    );
    let text = body(&got[0]);
    assert!(
        text.contains(
            "From 2026-11-24 the certificate for termine.praxis-muster.ch will be renewed"
        ),
        "{text}"
    );
}

#[tokio::test]
async fn a_wrong_password_is_an_auth_error() {
    let server = SmtpServer::start(Some((USER, PASSWORD)));
    let s = settings(server.port(), Some(USER), Lang::De);
    let err = mail::send(
        &s,
        Some(&Password::new("falsch")),
        &mail::compose(&Notice::Test, Lang::De),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, MailError::Auth { .. }), "{err:?}");
    assert_eq!(err.text().id, "mail-error-auth");
    assert_eq!(server.logins().len(), 1);
    assert!(server.received().is_empty());
}

#[tokio::test]
async fn user_without_password_and_closed_port_are_plain_errors() {
    let s = settings(9, Some(USER), Lang::De);
    let err = mail::send(&s, None, &mail::compose(&Notice::Test, Lang::De))
        .await
        .unwrap_err();
    assert!(matches!(err, MailError::NoPassword));
    let mut remote = settings(25, Some(USER), Lang::De);
    remote.host = "mail.praxis-muster.ch".into();
    let err = mail::send(
        &remote,
        Some(&Password::new(PASSWORD)),
        &mail::compose(&Notice::Test, Lang::De),
    )
    .await
    .unwrap_err();
    assert_eq!(err.text().id, "mail-error-plain-auth");

    // A port nobody listens on: bind one, note it, close it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let s = settings(port, None, Lang::De);
    let err = mail::send(&s, None, &mail::compose(&Notice::Test, Lang::De))
        .await
        .unwrap_err();
    assert!(matches!(err, MailError::Connect { .. }), "{err:?}");

    let mut bad = settings(port, None, Lang::De);
    bad.to = vec!["kein-at-zeichen".into()];
    let err = mail::message(&bad, &mail::compose(&Notice::Test, Lang::De)).unwrap_err();
    assert_eq!(err.text().id, "mail-error-address");
    assert!(
        load_password(tempfile::tempdir().unwrap().path())
            .unwrap()
            .is_none()
    );
}
