//! A system root whose cron entry runs `renew` for a state directory, so
//! that `status` judges the certificate alone (or, without the program the
//! entry names, a renewal that has stopped).

use std::path::Path;

pub fn scheduled(root: &Path, state: &Path, program: bool) {
    std::fs::create_dir_all(root.join("etc/cron.d")).unwrap();
    std::fs::create_dir_all(root.join("usr/bin")).unwrap();
    if program {
        std::fs::write(root.join("usr/bin/praxis-tls"), b"").unwrap();
    }
    let state = std::path::absolute(state).unwrap();
    std::fs::write(
        root.join("etc/cron.d/praxis-tls-renew"),
        format!(
            "5 9,14 * * * root /usr/bin/praxis-tls renew --state-dir {}\n",
            state.display()
        ),
    )
    .unwrap();
}
