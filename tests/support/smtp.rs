//! A small SMTP server on 127.0.0.1 for the mail tests: speaks enough
//! ESMTP (EHLO, AUTH PLAIN/LOGIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and
//! records every message it accepts, with the login that came with it.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;

use base64::Engine as _;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Login {
    pub mechanism: String,
    pub user: String,
    pub password: String,
}

#[derive(Debug, Clone, Default)]
pub struct Received {
    pub helo: String,
    pub login: Option<Login>,
    pub from: String,
    pub to: Vec<String>,
    /// Headers and body as sent, dot-unstuffed, lines joined by CRLF.
    pub data: String,
}

pub struct SmtpServer {
    pub addr: SocketAddr,
    received: Arc<Mutex<Vec<Received>>>,
    /// Every AUTH tried, accepted or not.
    logins: Arc<Mutex<Vec<Login>>>,
}

impl SmtpServer {
    /// `credentials`: the user and password to accept; `None` offers no
    /// AUTH at all.
    pub fn start(credentials: Option<(&str, &str)>) -> SmtpServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let received = Arc::new(Mutex::new(Vec::new()));
        let logins = Arc::new(Mutex::new(Vec::new()));
        let creds = credentials.map(|(u, p)| (u.to_string(), p.to_string()));
        let (r, l) = (received.clone(), logins.clone());
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (r, l, c) = (r.clone(), l.clone(), creds.clone());
                thread::spawn(move || {
                    let _ = session(stream, c, r, l);
                });
            }
        });
        SmtpServer {
            addr,
            received,
            logins,
        }
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    pub fn logins(&self) -> Vec<Login> {
        self.logins.lock().unwrap().clone()
    }
}

fn b64(s: &str) -> Vec<u8> {
    base64::engine::general_purpose::STANDARD
        .decode(s.trim())
        .unwrap_or_default()
}

fn session(
    stream: TcpStream,
    creds: Option<(String, String)>,
    received: Arc<Mutex<Vec<Received>>>,
    logins: Arc<Mutex<Vec<Login>>>,
) -> std::io::Result<()> {
    let mut out = stream.try_clone()?;
    let mut lines = BufReader::new(stream);
    let mut read = move || -> std::io::Result<Option<String>> {
        let mut l = String::new();
        if lines.read_line(&mut l)? == 0 {
            return Ok(None);
        }
        Ok(Some(l.trim_end_matches(['\r', '\n']).to_string()))
    };
    let mut say = |s: &str| out.write_all(format!("{s}\r\n").as_bytes());
    say("220 127.0.0.1 ESMTP test server")?;
    let mut cur = Received::default();
    let mut authed: Option<Login> = None;
    while let Some(line) = read()? {
        let upper = line.to_ascii_uppercase();
        if upper.starts_with("EHLO") || upper.starts_with("HELO") {
            cur.helo = line[4..].trim().to_string();
            if creds.is_some() {
                say("250-127.0.0.1 hello")?;
                say("250-AUTH PLAIN LOGIN")?;
                say("250 8BITMIME")?;
            } else {
                say("250-127.0.0.1 hello")?;
                say("250 8BITMIME")?;
            }
        } else if upper.starts_with("AUTH ") && creds.is_some() {
            let parts: Vec<&str> = line.split_whitespace().collect();
            let mech = parts.get(1).unwrap_or(&"").to_ascii_uppercase();
            let login = if mech == "PLAIN" {
                let resp = match parts.get(2) {
                    Some(r) => r.to_string(),
                    None => {
                        say("334 ")?;
                        read()?.unwrap_or_default()
                    }
                };
                let raw = b64(&resp);
                let f: Vec<String> = raw
                    .split(|b| *b == 0)
                    .map(|s| String::from_utf8_lossy(s).into_owned())
                    .collect();
                Login {
                    mechanism: mech,
                    user: f.get(1).cloned().unwrap_or_default(),
                    password: f.get(2).cloned().unwrap_or_default(),
                }
            } else if mech == "LOGIN" {
                say("334 VXNlcm5hbWU6")?;
                let user = String::from_utf8_lossy(&b64(&read()?.unwrap_or_default())).into_owned();
                say("334 UGFzc3dvcmQ6")?;
                let pw = String::from_utf8_lossy(&b64(&read()?.unwrap_or_default())).into_owned();
                Login {
                    mechanism: mech,
                    user,
                    password: pw,
                }
            } else {
                say("504 mechanism not supported")?;
                continue;
            };
            logins.lock().unwrap().push(login.clone());
            let (u, p) = creds.clone().unwrap_or_default();
            if login.user == u && login.password == p {
                authed = Some(login);
                say("235 2.7.0 Authentication successful")?;
            } else {
                say("535 5.7.8 Authentication credentials invalid")?;
            }
        } else if upper.starts_with("MAIL FROM:") {
            if creds.is_some() && authed.is_none() {
                say("530 5.7.0 Authentication required")?;
                continue;
            }
            cur.from = line[10..].trim().trim_matches(['<', '>']).to_string();
            say("250 OK")?;
        } else if upper.starts_with("RCPT TO:") {
            cur.to
                .push(line[8..].trim().trim_matches(['<', '>']).to_string());
            say("250 OK")?;
        } else if upper == "DATA" {
            say("354 End data with <CR><LF>.<CR><LF>")?;
            let mut data = Vec::new();
            while let Some(l) = read()? {
                if l == "." {
                    break;
                }
                data.push(l.strip_prefix('.').map(str::to_string).unwrap_or(l));
            }
            cur.data = data.join("\r\n");
            cur.login = authed.clone();
            received.lock().unwrap().push(cur.clone());
            cur = Received {
                helo: cur.helo.clone(),
                ..Received::default()
            };
            say("250 OK queued")?;
        } else if upper == "RSET" {
            cur = Received {
                helo: cur.helo.clone(),
                ..Received::default()
            };
            say("250 OK")?;
        } else if upper == "NOOP" {
            say("250 OK")?;
        } else if upper == "QUIT" {
            say("221 Bye")?;
            return Ok(());
        } else {
            say("502 Command not implemented")?;
        }
    }
    Ok(())
}
