# Elexis-OOB finden: warum ein Verzeichnis nicht passt, und worauf zu achten ist.

## Fehler

start-error-not-found = Das Verzeichnis { $path } gibt es nicht. Prüfen Sie die Schreibweise; meist liegt Elexis-OOB in /opt/elexis-oob oder im Heimverzeichnis unter elexis-oob.
start-error-not-a-directory = { $path } ist eine Datei, kein Verzeichnis. Geben Sie das Verzeichnis an, in dem die Datei docker-compose.yml (oder docker-compose.yaml) liegt.
start-error-permission-denied = Auf { $path } fehlt die Berechtigung zum Lesen. Starten Sie dieses Programm mit Verwalterrechten (sudo), damit es die Dateien von Elexis-OOB lesen kann.
start-error-unreadable = { $path } lässt sich nicht lesen. Die technischen Einzelheiten zeigt { -ctrl }+D; bitte geben Sie sie Ihrer IT-Betreuung weiter.
start-error-no-compose-file = In { $dir } liegt weder docker-compose.yml noch docker-compose.yaml. Das ist also nicht das Elexis-OOB-Verzeichnis; geben Sie das Verzeichnis an, in dem Sie Elexis-OOB mit docker-compose starten.
start-error-compose-invalid-line = Die Datei { $file } ist in Zeile { $line } fehlerhaft (vermutlich falsch eingerückt). Elexis-OOB startet so nicht. Bitte lassen Sie die Datei von Ihrer IT-Betreuung prüfen.
start-error-compose-invalid = Die Datei { $file } ist fehlerhaft. Elexis-OOB startet so nicht. Bitte lassen Sie die Datei von Ihrer IT-Betreuung prüfen.
start-error-no-proxy = In { $file } fehlt der Vermittler (Proxy Traefik, Container elx_proxy). Ohne ihn kann der Termindienst nicht ins Internet. Ist das wirklich die Datei von Elexis-OOB?
start-error-unknown-proxy = Der Vermittler (Proxy) in { $file } ist { $image }, nicht Traefik. Das ist eine sehr frühe Elexis-OOB-Version, die dieses Programm nicht kennt. Aktualisieren Sie Elexis-OOB zuerst (git pull, dann docker-compose up -d).
start-error-unrecognised = Aus { $file } lässt sich nicht erkennen, welche Elexis-OOB-Version das ist (weder die ältere mit traefik.toml noch die aktuelle). Bitte ziehen Sie Ihre IT-Betreuung bei.

## Warnungen

start-warning-legacy-unpinned = Der Vermittler (Proxy) ist als „{ $image }“ ohne Versionsnummer eingetragen. Lädt Docker ihn neu herunter, kommt eine neue Traefik-Version, die die Datei traefik.toml nicht mehr versteht – dann ist Elexis-OOB nicht mehr erreichbar. Führen Sie deshalb kein „docker-compose pull“ aus.
start-warning-legacy-too-new = Die Einstellungen sind für Traefik 1 (traefik.toml), eingetragen ist aber { $image }. Diese Version versteht die Einstellungen nicht; der Vermittler (Proxy) läuft so vermutlich nicht.
start-warning-toml-missing = Die Datei traefik.toml fehlt, obwohl diese Elexis-OOB-Version sie braucht. Der Vermittler (Proxy) startet so nicht richtig.
start-warning-toml-not-a-file = traefik.toml ist ein Verzeichnis statt einer Datei. Das passiert, wenn die Datei beim ersten Start fehlte. Der Vermittler (Proxy) hat so keine Einstellungen.
start-warning-toml-leftover = Hier liegt noch eine alte traefik.toml. Die aktuelle Version liest sie nicht mehr; Änderungen darin wirken nicht.
start-warning-unpinned = Der Vermittler (Proxy) ist als „{ $image }“ ohne Versionsnummer eingetragen. Ein neues Herunterladen kann eine andere Traefik-Version bringen.
start-warning-newer-traefik = Eingetragen ist { $image }, neuer als die Version, die Elexis-OOB mitbringt (Traefik 2). Das funktioniert meist, ist aber nicht erprobt.
start-warning-env-missing = Die Datei .env fehlt. Damit sind der interne Name (LOCAL_NAME) und Ihre Domain (EXTERNAL_NAME) nicht eingetragen.
start-warning-env-unreadable = Die Datei .env lässt sich nicht lesen. Der interne Name und Ihre Domain sind deshalb unbekannt.
start-warning-local-name-missing = In der Datei .env fehlt LOCAL_NAME, der Name des Servers im Praxisnetz.
start-warning-external-name-missing = In der Datei .env fehlt EXTERNAL_NAME. Dort gehört Ihre Domain hin (zum Beispiel meine-praxis.ch); der Termindienst ist dann unter termine.meine-praxis.ch erreichbar.
start-warning-external-name-not-public = In der Datei .env steht EXTERNAL_NAME={ $value }. Das ist kein Name im Internet; Patienten können den Termindienst so nicht erreichen. Dort gehört Ihre Domain hin, zum Beispiel meine-praxis.ch.
start-warning-several-compose-files = Hier liegen mehrere Start-Dateien von Elexis-OOB (Compose-Dateien). Verwendet wird { $used }; nicht beachtet wird { $ignored }. Je nach docker-compose-Version kann es umgekehrt sein – am besten bleibt nur eine.
start-warning-override-exists = Es gibt schon eine Datei { $file } mit eigenen Änderungen. Docker-compose liest sie zusätzlich; sie kann den Vermittler (Proxy) verändern.
