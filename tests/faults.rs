//! One real fault per wizard step that checks something live, injected
//! through the real io layer (`Executor` with an `IoConfig` aimed at
//! servers this suite starts on loopback, or `io::store` on a directory
//! that fails), fed through the pure core, and read off the German screen
//! at 80×24, page by page: it must name the cause and what to do, and
//! nothing may be lost (the answers stay in the wizard, files that were
//! there stay byte for byte, the state can still be saved).
//!
//! | Fault | Step | What the screen says (cause – "Was tun:") |
//! |---|---|---|
//! | name not in DNS (NXDOMAIN, knotd) | 4 DNS | "Den Namen … gibt es im Internet noch nicht" – "Tragen Sie bei Ihrem Domain-Anbieter … einen Adress-Eintrag (A-Eintrag) … ein" |
//! | zone broken, SERVFAIL (knotd) | 3 Domain | "antworten die Nameserver nicht richtig" – "Rufen Sie Ihren Domain-Anbieter an …" |
//! | CAA allows only another CA (knotd) | 4 DNS | "Let's Encrypt gehört nicht dazu und wird ablehnen" – "Ergänzen Sie … CAA 0 issue "letsencrypt.org"" |
//! | public address ≠ A record (discovery via knotd) | 5 Port forwarding | "Der Name zeigt auf 203.0.113.10, Ihr Anschluss hat aber die Adresse 198.51.100.7" – "Ändern Sie … den Adress-Eintrag (A-Eintrag) auf 198.51.100.7" |
//! | responder port taken (bound first) | 6 Firewall | "Port … ist schon belegt, vom Programm …" – "Beenden Sie das Programm, das den Port belegt, …" |
//! | forward missing: probe refused | 6 Firewall | "Von innen nicht prüfbar … sehen eine fehlende, eine falsche und eine richtige Portfreigabe gleich aus" – "Prüfen Sie die Portfreigabe im Router: von außen Port 80 auf diesen Server, Port … Der eigentliche Test ist der Probelauf in Schritt 7" |
//! | forward leads nowhere: probe times out | 6 Firewall | as above |
//! | CA down (closed loopback port) | 7 Certificate | "Der Server von Let's Encrypt ist von hier aus nicht erreichbar" – "Prüfen Sie die Internetverbindung …" |
//! | CA refuses, validation failed (Pebble) | 7 Certificate | "Let's Encrypt hat … erreicht, aber Port 80 ist geschlossen" – "Prüfen Sie die Weiterleitung von Port 80 im Router" |
//! | admin app answers 500 (stand-in) | 8 Install (elsewhere) | "meldet einen Fehler (Status 500)" – "Öffnen Sie die Verwaltungsseite … dann senden Sie mit Enter noch einmal" |
//! | admin app never answers (stand-in) | 8 Install (elsewhere) | "hat nach 2 Sekunden nicht geantwortet. Es ist unklar, ob etwas angekommen ist" – "Prüfen Sie, ob der Server läuft … senden Sie mit Enter noch einmal" |
//! | traefik.toml does not parse (fixture) | 9 Proxy | "Die Datei …/traefik.toml enthält in Zeile 17 einen Fehler" – "Lassen Sie Zeile 17 von Ihrer IT-Betreuung berichtigen" |
//! | compose YAML does not parse (fixture) | 9 Proxy | "Die Datei …/docker-compose.yaml enthält in Zeile 8 einen Fehler" – "Lassen Sie Zeile 8 … berichtigen" |
//! | compose fails, a port taken by a program (stand-in on PATH; the port held by the test) | 10 Restart | "Elexis-OOB konnte nicht starten: Port … ist auf diesem Server schon belegt, vom Programm faults-…" – "Beenden Sie das Programm faults-…" |
//! | state directory read-only (`unshare -m`, ro bind mount) | any (save) | "Der Zwischenstand konnte nicht gespeichert werden: … schreibgeschützten Laufwerk" – "Bitten Sie Ihre IT-Betreuung, das Laufwerk wieder beschreibbar zu machen" |
//! | state directory full (`unshare -m`, 256k tmpfs) | any (save) | "… Die Festplatte ist voll" – "Löschen Sie nicht mehr benötigte Dateien …" |
//! | state directory not writable (`setpriv` as nobody) | any (save) | "… Das Programm darf nicht in … schreiben" – "Starten Sie es mit Administratorrechten" |
//! | Orthanc configuration broken (fixture) | 12 Systems | "… fehlt in Zeile 3 bei Zeichen 20, direkt nach dem Wert, ein Komma …" – "Bitten Sie Ihre IT-Betreuung, das Komma zu ergänzen" |
//!
//! Docker is never asked: proxy and restart run in a child process whose
//! PATH holds only stand-ins. The state-directory faults need root (as in
//! CI) and run one at a time. `FAULTS_SHOW=1 cargo test --test faults --
//! --nocapture` prints every screen read.

mod support;

#[path = "faults/cert.rs"]
mod cert;
#[path = "faults/child.rs"]
mod child;
#[path = "faults/dns.rs"]
mod dns;
#[path = "faults/golive.rs"]
mod golive;
#[path = "faults/network.rs"]
mod network;
#[path = "support/pebble.rs"]
mod pebble;
#[path = "faults/rig.rs"]
mod rig;
#[path = "faults/state.rs"]
mod state;
#[path = "faults/systems.rs"]
mod systems;

/// Not a test of its own: the body of the child processes (see
/// `faults/child.rs`). Without its environment variable it returns at once.
#[test]
fn child() {
    let Ok(role) = std::env::var(child::ROLE) else {
        return;
    };
    match role.as_str() {
        "proxy-toml" => golive::proxy_child("toml"),
        "proxy-yaml" => golive::proxy_child("yaml"),
        "restart" => golive::restart_child(),
        "state-read-only" => state::read_only_child(),
        "state-full" => state::full_child(),
        "state-denied" => state::denied_child(),
        other => panic!("unknown role {other}"),
    }
    child::done();
}
