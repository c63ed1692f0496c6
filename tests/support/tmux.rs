//! Drives the real binary in a real terminal: tmux on a private socket,
//! send-keys to type, capture-pane to read the screen.

use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
}

fn tmux(socket: &str, args: &[&str]) -> Output {
    match Command::new("tmux")
        .args(["-L", socket, "-f", "/dev/null"])
        .args(args)
        .output()
    {
        Ok(o) => o,
        Err(e) => panic!("tmux is needed for this test (apt-get install tmux): {e}"),
    }
}

/// Quotes for the shell tmux hands the command to.
fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

impl Tmux {
    /// Starts `program args` in a `width`×`height` terminal with `env`.
    pub fn start(
        program: &str,
        args: &[String],
        env: &[(&str, String)],
        width: u16,
        height: u16,
    ) -> Tmux {
        let socket = format!("praxis-tls-test-{}-{}", std::process::id(), rand_suffix());
        let t = Tmux { socket };
        let (w, h) = (width.to_string(), height.to_string());
        let out = tmux(
            &t.socket,
            &["new-session", "-d", "-s", "main", "-x", &w, "-y", &h],
        );
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        tmux(
            &t.socket,
            &["set-option", "-t", "main", "remain-on-exit", "on"],
        );
        t.respawn(program, args, env);
        t
    }

    /// Runs the program again in the same terminal (after it died).
    pub fn respawn(&self, program: &str, args: &[String], env: &[(&str, String)]) {
        let mut cmd = String::from("exec env");
        for (k, v) in env {
            cmd.push_str(&format!(" {k}={}", sh_quote(v)));
        }
        cmd.push(' ');
        cmd.push_str(&sh_quote(program));
        for a in args {
            cmd.push(' ');
            cmd.push_str(&sh_quote(a));
        }
        let out = tmux(&self.socket, &["respawn-pane", "-k", "-t", "main", &cmd]);
        assert!(
            out.status.success(),
            "tmux respawn-pane: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Keys in tmux's names: "Enter", "Escape", "F1", "BSpace", "Down" ...
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "main"];
        args.extend_from_slice(keys);
        tmux(&self.socket, &args);
    }

    /// Literal text, typed.
    pub fn type_text(&self, text: &str) {
        tmux(&self.socket, &["send-keys", "-t", "main", "-l", text]);
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&tmux(&self.socket, &["capture-pane", "-p", "-t", "main"]).stdout)
            .into_owned()
    }

    /// Waits until the screen shows `needle`; panics with the screen if not.
    pub fn wait_for(&self, needle: &str, timeout: Duration) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            if start.elapsed() > timeout {
                panic!("waited {timeout:?} for {needle:?}; the screen shows:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn pid(&self) -> i32 {
        let out = tmux(
            &self.socket,
            &["display-message", "-p", "-t", "main", "#{pane_pid}"],
        );
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .parse()
            .unwrap_or(0)
    }

    pub fn dead(&self) -> bool {
        let out = tmux(
            &self.socket,
            &["display-message", "-p", "-t", "main", "#{pane_dead}"],
        );
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }
}

fn rand_suffix() -> u64 {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    let mut h = RandomState::new().build_hasher();
    h.write_u64(0);
    h.finish() % 1_000_000
}

impl Drop for Tmux {
    fn drop(&mut self) {
        tmux(&self.socket, &["kill-server"]);
    }
}

impl Tmux {
    /// The terminal's size as the program sees it: (columns, rows).
    pub fn size(&self) -> (u16, u16) {
        let out = tmux(
            &self.socket,
            &[
                "display-message",
                "-p",
                "-t",
                "main",
                "#{pane_width} #{pane_height}",
            ],
        );
        let text = String::from_utf8_lossy(&out.stdout);
        let mut it = text.split_whitespace().map(|n| n.parse().unwrap_or(0));
        (it.next().unwrap_or(0), it.next().unwrap_or(0))
    }
}
