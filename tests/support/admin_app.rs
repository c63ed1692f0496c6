//! A stand-in for Elexis-OOB's admin app on loopback, implementing its
//! upload contract: `POST /manage/certsend`, multipart fields `cert` and
//! `privkey`, each written under the file name as sent (here into a temp
//! directory instead of `/mnt/webelexisdata`), and always the German
//! success page. Modes reproduce what the real one does wrong.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub const SUCCESS_PAGE: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\
<title>Elexis-OOB</title></head><body><h1>Das Schlüsselpaar wurde installiert</h1></body></html>";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Writes the files, answers the success page.
    Normal,
    /// Answers the success page and writes nothing (current releases).
    NothingWritten,
    /// Answers 500.
    ServerError,
    /// Reads the request and never answers.
    Hang,
}

/// One form field as received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

pub struct AdminApp {
    pub addr: SocketAddr,
    /// Stands for `/mnt/webelexisdata`.
    pub dir: tempfile::TempDir,
    pub received: Arc<Mutex<Vec<Field>>>,
    task: tokio::task::JoinHandle<()>,
}

impl AdminApp {
    /// Listens on a free loopback port; runs on the current tokio runtime.
    pub async fn start(mode: Mode) -> AdminApp {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let received = Arc::new(Mutex::new(Vec::new()));
        let (d, r) = (dir.path().to_path_buf(), received.clone());
        let task = tokio::spawn(async move {
            while let Ok((conn, _)) = listener.accept().await {
                let (d, r) = (d.clone(), r.clone());
                tokio::spawn(async move {
                    let _ = serve(conn, mode, &d, &r).await;
                });
            }
        });
        AdminApp {
            addr,
            dir,
            received,
            task,
        }
    }

    /// The files in the directory, by name.
    pub fn written(&self) -> Vec<(String, Vec<u8>)> {
        let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .flatten()
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        out.sort();
        out
    }
}

impl Drop for AdminApp {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

async fn serve(
    mut conn: TcpStream,
    mode: Mode,
    dir: &std::path::Path,
    received: &Mutex<Vec<Field>>,
) -> std::io::Result<()> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        let n = conn.read(&mut chunk).await?;
        if n == 0 {
            return Ok(());
        }
        buf.extend_from_slice(&chunk[..n]);
        if let Some(p) = find(&buf, b"\r\n\r\n") {
            break p + 4;
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let header = |name: &str| {
        head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    };
    let length: usize = header("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    while buf.len() < head_end + length {
        let n = conn.read(&mut chunk).await?;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let body = &buf[head_end..];
    let post = head.starts_with("POST /manage/certsend ");
    let boundary = header("content-type")
        .and_then(|ct| ct.split("boundary=").nth(1).map(str::to_string))
        .unwrap_or_default();
    let fields = if post {
        parse_multipart(body, &boundary)
    } else {
        Vec::new()
    };
    received.lock().unwrap().extend(fields.iter().cloned());
    match mode {
        Mode::Hang => {
            tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
            return Ok(());
        }
        Mode::ServerError => {
            let page = "<html><body>Internal Server Error</body></html>";
            let resp = format!(
                "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
                page.len()
            );
            return conn.write_all(resp.as_bytes()).await;
        }
        Mode::Normal => {
            for f in fields
                .iter()
                .filter(|f| f.name == "cert" || f.name == "privkey")
            {
                // The real app takes the name as sent; the stand-in stays
                // inside its directory.
                if !f.file_name.contains('/') && !f.file_name.is_empty() {
                    std::fs::write(dir.join(&f.file_name), &f.bytes)?;
                }
            }
        }
        Mode::NothingWritten => {}
    }
    let resp = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{SUCCESS_PAGE}",
        SUCCESS_PAGE.len()
    );
    conn.write_all(resp.as_bytes()).await
}

/// RFC 7578 as far as the admin app's multer needs it.
pub fn parse_multipart(body: &[u8], boundary: &str) -> Vec<Field> {
    let delim = format!("--{boundary}");
    let mut out = Vec::new();
    let mut rest = body;
    let Some(start) = find(rest, delim.as_bytes()) else {
        return out;
    };
    rest = &rest[start + delim.len()..];
    loop {
        if rest.starts_with(b"--") {
            break;
        }
        let Some(rest2) = rest.strip_prefix(b"\r\n") else {
            break;
        };
        let Some(h_end) = find(rest2, b"\r\n\r\n") else {
            break;
        };
        let headers = String::from_utf8_lossy(&rest2[..h_end]).into_owned();
        let content = &rest2[h_end + 4..];
        let end_delim = format!("\r\n{delim}");
        let Some(c_end) = find(content, end_delim.as_bytes()) else {
            break;
        };
        let param = |key: &str| {
            let pat = format!("{key}=\"");
            let at = headers.find(&pat)? + pat.len();
            let len = headers[at..].find('"')?;
            Some(headers[at..at + len].to_string())
        };
        out.push(Field {
            name: param("name").unwrap_or_default(),
            file_name: param("filename").unwrap_or_default(),
            bytes: content[..c_end].to_vec(),
        });
        rest = &content[c_end + end_delim.len()..];
    }
    out
}
