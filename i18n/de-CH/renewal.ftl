## Swiss spelling of the automatic renewal messages

schedule-verdict-inactive = Die automatische Erneuerung ist vorbereitet, aber nicht eingeschaltet. Starten Sie «praxis-tls schedule».

schedule-verdict-missing = Die automatische Erneuerung startet { $binary }, das es nicht mehr gibt: Sie arbeitet nicht mehr. Starten Sie «praxis-tls schedule» oder installieren Sie das Paket neu.

schedule-verdict-unstable = Die automatische Erneuerung startet { $binary }. Dieser Ort bleibt nicht sicher bestehen. Starten Sie «praxis-tls schedule», damit sie eine feste Kopie verwendet.

cli-schedule-not-replaced = Nichts geändert. Mit «praxis-tls schedule --yes» wird ohne Frage ersetzt.

mail-run-failed-body = Guten Tag,

    Die automatische Prüfung und Erneuerung des Zertifikats auf dem Server { $host } ist fehlgeschlagen oder wurde abgebrochen.

    Bitte lassen Sie Ihre IT-Betreuung auf dem Server nachsehen: «praxis-tls status» zeigt, wie lange das Zertifikat noch gilt, und «journalctl -u praxis-tls-renew» zeigt, was geschehen ist.
