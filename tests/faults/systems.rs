//! The optional systems step: Orthanc's configuration file is broken.

use praxis_tls::core::{Action, CheckId, Step};

use super::rig::{Rig, answers, files, fixture, nothing_lost, practice, reads, says};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broken_orthanc_configuration() {
    let mut rig = Rig::new(|_| {});
    let etc = tempfile::tempdir().unwrap();
    let config = etc.path().join("orthanc.json");
    std::fs::copy(fixture("orthanc/broken.json"), &config).unwrap();
    let there = files(etc.path());
    let mut w = practice(Step::Systems, "termine.praxis-muster.ch", None);
    rig.keys(&mut w, &[Action::Down]);
    rig.typed(&mut w, "pacs.praxis.lan");
    rig.keys(&mut w, &[Action::NextField]);
    rig.typed(&mut w, &config.display().to_string());
    let before = answers(&w);
    let n = rig.keys(&mut w, &[Action::Next]);
    rig.settle(&mut w, n).await;
    assert!(
        w.check(CheckId::Orthanc).is_failed(),
        "{:?}",
        w.check(CheckId::Orthanc)
    );
    let read = reads(&w);
    says(
        &read,
        &[
            &format!(
                "In der Orthanc-Einstellungsdatei {} fehlt in Zeile 3 bei Zeichen 20, direkt \
                 nach dem Wert, ein Komma",
                config.display()
            ),
            "Bitten Sie Ihre IT-Betreuung, das Komma zu ergänzen.",
        ],
    );
    nothing_lost(&before, &w);
    assert_eq!(files(etc.path()), there, "Orthanc's file is left alone");
    assert!(w.systems.plan.is_none());
}
