## Proxy: traefik.toml (ältere Elexis-OOB-Version) und docker-compose.override.yml

proxy-toml-broken = Die Datei traefik.toml ist fehlerhaft (Zeile { $line }). Der Assistent ändert sie so nicht. Bitte lassen Sie die Zeile von Ihrer IT-Betreuung prüfen.
    Meldung: { $message }
proxy-toml-no-https = In der Datei traefik.toml fehlt der Eingang für https (Port 443). Der Assistent kann das Zertifikat dort nicht eintragen.
proxy-toml-unsafe = Der Assistent konnte das Zertifikat nicht in traefik.toml eintragen, ohne andere Einstellungen zu verändern. Die Datei bleibt unverändert.
proxy-compose-broken = Die Datei docker-compose.yml ist fehlerhaft (Zeile { $line }). Der Assistent ändert nichts.
    Meldung: { $message }
proxy-compose-missing = Im Ordner { $dir } gibt es keine docker-compose.yml. Ist das wirklich der Ordner von Elexis-OOB?
proxy-compose-no-proxy = In docker-compose.yml gibt es keinen Vermittler (Proxy: traefik, elx_proxy). Ohne ihn kann der Termindienst nicht über https erreichbar werden.
proxy-compose-no-termine = In docker-compose.yml fehlt der Eintrag für den Termindienst (termine.…). Der Assistent weiss nicht, wohin er die Anfragen leiten soll.
proxy-compose-no-command = Beim Vermittler (Proxy) in docker-compose.yml fehlt die Liste der Startbefehle (command). Der Assistent kann sie so nicht ergänzen.
proxy-override-foreign = Die Datei { $file } gibt es schon, und sie stammt nicht vom Assistenten. Damit nichts verloren geht, ändert er sie nicht. Bitte besprechen Sie das mit Ihrer IT-Betreuung.
proxy-override-drift = Die docker-compose.yml von Elexis-OOB wurde seit der Einrichtung geändert (zum Beispiel durch eine Aktualisierung). Bitte lassen Sie den Assistenten den Vermittler (Proxy) neu einrichten.
    Neu: { $added }
    Weggefallen: { $removed }
proxy-file-unreadable = Die Datei { $file } lässt sich nicht lesen: { $error }
proxy-file-broken = Die Datei { $file } enthält in Zeile { $line } einen Fehler, deshalb versteht das Programm sie nicht. Es ändert nichts daran.
proxy-file-broken-fix = Lassen Sie Zeile { $line } von Ihrer IT-Betreuung berichtigen (D zeigt die genaue Meldung). In dieser Datei zählen auch die Leerzeichen am Zeilenanfang und die Anführungszeichen. Danach prüft F5 erneut.

## Neustart von Elexis-OOB

restart-docker-missing = Docker, das Programm, in dem Elexis-OOB läuft, wurde auf diesem Server nicht gefunden (weder „docker compose“ noch „docker-compose“).
restart-permission-denied = Der Assistent darf Docker nicht steuern. Bitte starten Sie ihn mit Administratorrechten (sudo).
restart-daemon-down = Docker läuft auf diesem Server gerade nicht. Bitte starten Sie Docker (oder den Server) neu und versuchen Sie es dann noch einmal.
restart-container-config = docker-compose ist beim Neustart abgestürzt (bekannter Fehler „ContainerConfig“ der alten Version 1). Ihre Daten sind nicht betroffen. Bitte versuchen Sie es noch einmal.
restart-traceback = docker-compose ist mit einem Fehler abgebrochen: { $line }
restart-timeout = „{ $command }“ war nach { $seconds } Sekunden noch nicht fertig und wurde abgebrochen. Bitte prüfen Sie, ob Docker hängt, und versuchen Sie es noch einmal.
restart-failed = „{ $command }“ hat nicht geklappt (Fehlercode { $code }). Die Ausgabe des Befehls zeigt, warum.
restart-spawn-failed = „{ $command }“ liess sich nicht starten: { $error }
restart-failed-fix = Solange der Neustart nicht geklappt hat, ist die Terminseite vielleicht nicht erreichbar. Drücken Sie Enter, um den Neustart noch einmal zu versuchen. Klappt es wieder nicht, zeigen Sie die Meldungen darunter Ihrer IT-Betreuung. Sie kann mit dem Befehl „praxis-tls undo“ alle Änderungen dieses Assistenten zurücknehmen.
restart-port-taken = Elexis-OOB konnte nicht starten: Port { $port } ist auf diesem Server schon von einem anderen Programm belegt. Bis das behoben ist, ist die Terminseite nicht erreichbar.
restart-port-taken-by = Elexis-OOB konnte nicht starten: Port { $port } ist auf diesem Server schon belegt, vom Programm { $program } (Prozess { $pid }). Bis das behoben ist, ist die Terminseite nicht erreichbar.
restart-port-taken-by-fix = Beenden Sie das Programm { $program } oder lassen Sie das Ihre IT-Betreuung tun; oft ist es ein zweiter Webserver. Danach startet Enter den Neustart noch einmal.
restart-port-taken-fix = Beenden Sie das andere Programm, oft ein zweiter Webserver wie Apache oder nginx, oder lassen Sie das Ihre IT-Betreuung tun. Danach startet Enter den Neustart noch einmal.
restart-docker-missing-fix = Lassen Sie den Assistenten auf dem Server laufen, auf dem Elexis-OOB läuft, oder Docker Compose von Ihrer IT-Betreuung einrichten.

## Schlussprüfung von aussen

verify-connect-failed = Keine Verbindung zu { $address }. Ist die Portweiterleitung für 443 am Router eingerichtet und läuft Elexis-OOB?
verify-handshake-failed = Die verschlüsselte Verbindung zu { $address } kam nicht zustande.
verify-roots-failed = Die Liste der vertrauenswürdigen Zertifizierungsstellen liess sich nicht laden: { $error }
verify-bad-name = „{ $host }“ ist kein gültiger Servername.
verify-chain-bad = Für { $host } zeigt der Server ein Zertifikat, dem Browser nicht vertrauen. Die Patienten würden eine Warnung sehen.
    Grund: { $why ->
        [unknown-issuer] Es stammt von einer Stelle, die Browser nicht kennen: zum Beispiel aus der Testumgebung, oder es ist selbst signiert.
        [wrong-name] Es gilt nicht für { $host }.
        [expired] Es ist abgelaufen.
        [not-yet] Es gilt erst ab einem späteren Tag. Oft geht dann die Uhr des Servers falsch.
        [revoked] Es wurde für ungültig erklärt.
       *[other] Der Browser lehnt es ab. Die technische Meldung steht unter «Details».
    }
verify-other-certificate = Für { $host } zeigt der Server noch ein anderes Zertifikat als das neue. Wurde Elexis-OOB neu gestartet?
verify-expired = Das Zertifikat für { $host } ist abgelaufen.
verify-list-status = Der Termindienst antwortet nicht richtig (Status { $status }).
verify-list-no-answer = Der Termindienst antwortet nicht.
verify-expires-soon = Der Termindienst ist unter https://{ $host } erreichbar, aber das Zertifikat läuft in { $days } Tagen ab.
verify-passed = Geschafft: Der Termindienst ist unter https://{ $host } sicher erreichbar. Das Zertifikat gilt noch { $days } Tage.

## Was von aussen erreichbar ist

exposure-host-reached = Von außen sind über Port { $port } auch interne Seiten erreichbar: { $hosts }.
exposure-host-reached-fix = Die internen Seiten dürfen nur im Praxisnetz zu sehen sein. Gehen Sie zurück zum Schritt „Vermittler (Traefik) einrichten“: Der Assistent legt dort jede interne Seite auf den Eingang für das Praxisnetz (Port 80 von Traefik, den der Router nicht weiterleitet). Selbst eingerichtete Seiten muss Ihre IT-Betreuung ebenso auf diesen Eingang (entrypoints) legen.
exposure-ports-open = Von außen sind interne Dienste von Elexis-OOB direkt erreichbar ({ $count ->
        [one] Port { $ports }
       *[other] Ports { $rest } und { $last }
    }).
exposure-ports-open-fix = Schalten Sie am Router „Exposed Host“ und automatische Freigaben (UPnP) für den Server aus und entfernen Sie Freigaben für diese Ports.
exposure-none = Von außen ist nur der Termindienst erreichbar.
proxy-toml-unsupported = In traefik.toml stehen die Zertifikate in einer Form (zum Beispiel als Liste in einer Zeile), die das Programm nicht sicher ändern kann. Bitten Sie Ihre IT-Betreuung, sie als Block [[entryPoints.https.tls.certificates]] zu schreiben; dann geht es hier weiter.
