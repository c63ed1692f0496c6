# Nur was sich in der Schweiz anders schreibt, ohne Eszett; alles andere kommt aus de.
acme-error-tls = Let's Encrypt ist bei { $host } auf eine fehlerhafte verschlüsselte Verbindung gestossen.

# Schweizer Schreibweise (ss, «…») der übrigen Meldungen aus de/certificate.ftl.
acme-email-invalid = Die E-Mail-Adresse «{ $email }» ist nicht gültig. Bitte prüfen Sie sie auf Tippfehler.
acme-error-response-404 = Let's Encrypt hat { $host } erreicht, aber ein anderes Programm hat geantwortet («nicht gefunden», Code { $status }).
cert-chain-incomplete = Die Zertifikatskette ist unvollständig: Das Zwischenzertifikat von «{ $issuer }» fehlt.
cert-fix-chain-incomplete = Laden Sie beim Anbieter das Zwischenzertifikat (oft «CA-Bundle» oder «Kette») herunter und fügen Sie es hinten an die Zertifikatsdatei an.
