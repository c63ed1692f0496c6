## Go-live: welcher Traefik läuft, Dateien, Neustart

golive-legacy-runs-newer = Ihr Elexis-OOB ist die ältere Ausgabe mit Traefik 1 (Einstellungen in traefik.toml). Auf dem Server läuft aber { $image } in Version { $version }: Diese Version liest traefik.toml nicht mehr. Der Assistent ändert darum nichts.
golive-legacy-would-upgrade = Auf dem Server läuft noch Traefik 1, aber unter dem Namen { $image } liegt inzwischen Version { $version } bereit. Ein Neustart würde diese starten, und sie liest traefik.toml nicht. Der Assistent startet darum nicht neu.
golive-legacy-newer-fix = Lassen Sie Ihre IT-Betreuung in docker-compose.yml beim Vermittler (Proxy) eine feste Traefik-1-Version eintragen (zum Beispiel traefik:v1.7) oder Elexis-OOB auf die aktuelle Ausgabe bringen. Danach den Assistenten erneut starten.
golive-current-runs-v1 = Ihr Elexis-OOB ist die aktuelle Ausgabe (Traefik 2), auf dem Server läuft aber { $image } in Version { $version } (Traefik 1). Damit würden die Einstellungen des Assistenten nicht wirken.
golive-current-runs-v1-fix = Bitte lassen Sie Ihre IT-Betreuung prüfen, welche Version des Vermittlers (Proxy-Abbild) in docker-compose.yml steht, und Elexis-OOB neu starten.
golive-stale = Die Datei { $file } wurde geändert, nachdem der Assistent die Änderungen angezeigt hat. Er schreibt nichts; bitte den Schritt neu beginnen.
golive-cert-missing = Das Zertifikat fehlt ({ $file }). Bitte zuerst den Schritt „Installieren“ ausführen.
golive-docker-failed = Docker hat auf „docker { $command }“ nicht wie erwartet geantwortet.
golive-dir-failed = Der Ordner { $dir } lässt sich nicht anlegen: { $error }

## Hochladen über die Verwaltungsseite von Elexis-OOB (Port 3000)

upload-question = Trotzdem an die Verwaltungsseite senden?
upload-warning = Achtung: Das Hochladen über die Verwaltungsseite ({ $server }) ist nur ein Notbehelf.
    • Die Verwaltungsseite verlangt fürs Hochladen kein Passwort: Jeder Computer im Praxisnetz kann dort Schlüssel und Zertifikat des Termindienstes ersetzen.
    • Der private Schlüssel geht unverschlüsselt (http) durchs Praxisnetz und landet im Ordner webelexisdata, den auch die Terminseite im Internet lesen kann.
    Danach sollte die Verwaltungsseite (Port 3000) nur noch vom Server selbst erreichbar sein. Bitten Sie Ihre IT-Betreuung, das so einzustellen; die genaue Änderung zeigt D.
upload-warning-details = Für Ihre IT-Betreuung: In docker-compose.yml beim Dienst appserver „3000:3000“ in „127.0.0.1:3000:3000“ ändern und Elexis-OOB neu starten.
upload-details-show = D: Details anzeigen (die genaue Änderung für Ihre IT-Betreuung)
upload-file-unreadable = Die Datei { $file } lässt sich nicht lesen: { $error }
upload-file-unreadable-fix = Gehen Sie zurück zum Schritt Zertifikat und prüfen Sie dort, ob das Zertifikat noch da ist; stellen Sie es wenn nötig neu aus.
upload-refused = Die Verwaltungsseite unter { $url } nimmt keine Verbindung an. Läuft Elexis-OOB, und stimmt die Adresse des Servers?
upload-timeout = Die Verwaltungsseite unter { $url } hat nach { $seconds } Sekunden nicht geantwortet. Es ist unklar, ob etwas angekommen ist.
upload-timeout-fix = Prüfen Sie, ob der Server läuft und im Praxisnetz erreichbar ist, und senden Sie mit Enter noch einmal: Doppelt gesendet schadet nicht. Ob das Zertifikat angekommen ist, zeigt erst die Schlussprüfung nach dem Neustart.
upload-server-error = Die Verwaltungsseite unter { $url } meldet einen Fehler (Status { $status }). Das Zertifikat ist wahrscheinlich nicht installiert.
upload-server-error-fix = Öffnen Sie die Verwaltungsseite von Elexis-OOB im Browser und prüfen Sie, ob sie läuft; dann senden Sie mit Enter noch einmal. Klappt es weiterhin nicht, legen Sie die Dateien von Hand ab, wie oben beschrieben, oder lassen Sie den Assistenten auf dem Server selbst laufen.
upload-status = Die Verwaltungsseite unter { $url } hat unerwartet geantwortet (Status { $status }).
upload-network = Die Verbindung zur Verwaltungsseite unter { $url } ist abgebrochen: { $error }
upload-no-http = Unter { $url } antwortet keine Verwaltungsseite von Elexis-OOB.
upload-check-server-fix = Prüfen Sie die Adresse des Servers (zum Beispiel 192.168.1.20 oder nuno) und ob Elexis-OOB dort läuft; dann senden Sie mit Enter noch einmal.
upload-sent-unconfirmed = Zertifikat und Schlüssel wurden an { $url } gesendet. Ob sie angekommen sind, ist noch nicht bestätigt: Die Verwaltungsseite meldet immer Erfolg.
upload-sent-unconfirmed-fix = Starten Sie Elexis-OOB neu und führen Sie dann die Schlussprüfung aus. Erst wenn sie das neue Zertifikat sieht, ist es installiert.
upload-confirmed = Bestätigt: Der Server zeigt jetzt das hochgeladene Zertifikat.
upload-not-confirmed = Der Server zeigt nicht das hochgeladene Zertifikat. Die Verwaltungsseite hat es wahrscheinlich nicht gespeichert, obwohl sie Erfolg gemeldet hat.
upload-not-confirmed-fix = Neuere Ausgaben von Elexis-OOB speichern hochgeladene Zertifikate nicht. Lassen Sie den Assistenten auf dem Server selbst laufen.
