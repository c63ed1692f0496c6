## Resume file, session lock and change journal (src/io/store.rs, lock.rs, journal.rs)

## The state directory (resume file, journal, backups)

store-permission-denied = Das Programm darf nicht in { $path } schreiben. Starten Sie es mit Administratorrechten: „sudo praxis-tls“.
store-read-only = { $path } liegt auf einem schreibgeschützten Laufwerk. Das Programm kann dort nichts speichern. Bitten Sie Ihre IT-Betreuung, das Laufwerk wieder beschreibbar zu machen.
store-disk-full = Die Festplatte ist voll: In { $path } ist kein Platz mehr. Löschen Sie nicht mehr benötigte Dateien (oder lassen Sie das von Ihrer IT-Betreuung erledigen) und starten Sie das Programm dann neu. Ihre bisherigen Angaben bleiben erhalten.
store-disk-full-running = Die Festplatte ist voll: In { $path } ist kein Platz mehr. Löschen Sie nicht mehr benötigte Dateien (oder lassen Sie das von Ihrer IT-Betreuung erledigen). Lassen Sie dieses Programm offen: Es speichert bei der nächsten Eingabe von selbst wieder, und Ihre bisherigen Angaben bleiben erhalten.
store-newer-schema = Der gespeicherte Stand in { $path } stammt von einer neueren Version dieses Programms (Format { $found }, diese Version kennt nur { $supported }). Verwenden Sie die neuere Version. Die Datei bleibt unverändert.
store-broken = Der gespeicherte Stand in { $path } war beschädigt und konnte nicht gelesen werden. Er wurde als { $moved_to } aufbewahrt, damit nichts verloren geht. Der Assistent beginnt von vorn.
store-io = Beim Zugriff auf { $path } ist ein Fehler aufgetreten: { $detail }. Versuchen Sie es noch einmal; hilft das nicht, wenden Sie sich an Ihre IT-Betreuung.

## A second session

lock-held-remote = Eine andere Sitzung läuft seit { $since } (Benutzer { $user }, von { $from }, Prozess { $pid }). Es darf immer nur eine Sitzung gleichzeitig arbeiten. Sprechen Sie sich mit der anderen Person ab und warten Sie, bis sie das Programm beendet hat.
lock-held-local = Eine andere Sitzung läuft seit { $since } (Benutzer { $user }, Prozess { $pid }). Es darf immer nur eine Sitzung gleichzeitig arbeiten. Sprechen Sie sich mit der anderen Person ab und warten Sie, bis sie das Programm beendet hat.
lock-held-unknown = Eine andere Sitzung startet gerade. Warten Sie einen Moment und versuchen Sie es dann noch einmal.

## Changes to files outside the program

journal-target-permission-denied = Das Programm darf { $path } nicht ändern. Starten Sie es mit Administratorrechten: „sudo praxis-tls“.
journal-target-read-only = { $path } liegt auf einem schreibgeschützten Laufwerk und kann nicht geändert werden. Bitten Sie Ihre IT-Betreuung um Hilfe.
journal-target-disk-full = Die Festplatte ist voll: { $path } kann nicht geschrieben werden. Schaffen Sie Platz und versuchen Sie es dann noch einmal.
journal-target-io = Beim Ändern von { $path } ist ein Fehler aufgetreten: { $detail }. Es wurde nichts halb geändert.
journal-corrupt = Die Liste der bisherigen Änderungen ({ $path }) ist beschädigt. Damit nichts falsch rückgängig gemacht wird, arbeitet das Programm nicht weiter. Bitte wenden Sie sich an Ihre IT-Betreuung; die Datei bleibt unverändert.
journal-newer-schema = Die Liste der bisherigen Änderungen ({ $path }) stammt von einer neueren Version dieses Programms (Format { $found }, diese Version kennt nur { $supported }). Verwenden Sie die neuere Version.
journal-unknown-entry = Die Änderung Nummer { $id } ist nicht verzeichnet.
journal-wrong-state = Die Änderung Nummer { $id } ist bereits erledigt oder wurde schon zurückgenommen.
journal-conflict = { $path } wurde inzwischen von jemand anderem geändert. Das Programm überschreibt diese Änderung nicht. Klären Sie mit Ihrer IT-Betreuung, welche Fassung gilt.
journal-copy-damaged = Die gesicherte Kopie { $path } fehlt oder ist beschädigt. Sie wird nicht verwendet, damit keine falsche Datei zurückgeschrieben wird. Bitte wenden Sie sich an Ihre IT-Betreuung.
journal-not-a-file = { $path } ist keine gewöhnliche Datei (zum Beispiel ein Ordner). Das Programm ändert sie nicht.

## Undo ("praxis-tls undo")

journal-undo-confirm = Das Programm nimmt die aufgeführten Änderungen zurück, die neueste zuerst (Anzahl: { $count }). Fortfahren? [j/N]
journal-undo-nothing = Es gibt keine Änderungen, die zurückgenommen werden müssten.
journal-undo-cancelled = Abgebrochen. Es wurde nichts zurückgenommen.
journal-undo-complete = Fertig: Alle Änderungen wurden zurückgenommen (Anzahl: { $count }).
journal-undo-incomplete = Nicht alle Änderungen konnten zurückgenommen werden (offen: { $count }). Die Gründe stehen oben; bitte wenden Sie sich an Ihre IT-Betreuung.
journal-undo-restored =
    { $kind ->
        [firewall] Das Firewall-Fenster für Port { $port }
        [guard] Die Firewall-Regel für Port { $port }
        [command] Der Befehl { $path }
       *[file] { $path }
    } ist wieder wie vorher.
journal-undo-removed =
    { $kind ->
        [firewall] Das Firewall-Fenster für Port { $port }
        [guard] Die Firewall-Regel für Port { $port }
        [command] Der Befehl { $path }
       *[file] { $path }
    } gab es vorher nicht und ist wieder entfernt.
journal-undo-already =
    { $kind ->
        [firewall] Das Firewall-Fenster für Port { $port }
        [guard] Die Firewall-Regel für Port { $port }
        [command] Der Befehl { $path }
       *[file] { $path }
    } war schon wie vorher.
journal-undo-conflict =
    { $kind ->
        [firewall] Das Firewall-Fenster für Port { $port }
        [guard] Die Firewall-Regel für Port { $port }
        [command] Der Befehl { $path }
       *[file] { $path }
    } wurde inzwischen von jemand anderem geändert und bleibt darum, wie es ist.
journal-undo-forced =
    { $kind ->
        [firewall] Das Firewall-Fenster für Port { $port }
        [guard] Die Firewall-Regel für Port { $port }
        [command] Der Befehl { $path }
       *[file] { $path }
    } ist wieder wie vorher. Die Fassung, die jemand anderes hineingeschrieben hatte, liegt in { $kept }.
journal-undo-failed =
    { $kind ->
        [firewall] Das Firewall-Fenster für Port { $port }
        [guard] Die Firewall-Regel für Port { $port }
        [command] Der Befehl { $path }
       *[file] { $path }
    } konnte nicht zurückgesetzt werden.

## Change sets: files of one step that belong together

change-set-question = { $edited } wurde nach dem Assistenten von Hand geändert. Diese Datei gehört mit anderen Änderungen desselben Schritts zusammen. Nimmt das Programm die anderen zurück und lässt diese Datei, wie sie ist, passt danach nicht mehr zusammen:
change-set-cert-removed = Die Einstellungsdatei des Vermittlers (traefik) { $config } nennt weiterhin das Zertifikat { $file }, das dabei gelöscht wird. Der Termindienst zeigt den Patienten dann ein falsches Zertifikat, und der Browser warnt sie.
change-set-key-removed = Die Einstellungsdatei des Vermittlers (traefik) { $config } nennt weiterhin den privaten Schlüssel { $file }, der dabei gelöscht wird. Der Termindienst zeigt den Patienten dann ein falsches Zertifikat, und der Browser warnt sie.
change-set-cert-restored = Die Einstellungsdatei des Vermittlers (traefik) { $config } nennt weiterhin das Zertifikat { $file }, das dabei wieder seinen früheren Inhalt bekommt.
change-set-key-restored = Die Einstellungsdatei des Vermittlers (traefik) { $config } nennt weiterhin den privaten Schlüssel { $file }, der dabei wieder seinen früheren Inhalt bekommt.
change-set-mismatch = { $edited } bleibt, wie es von Hand geändert wurde, aber { $other } wird zurückgenommen. Die beiden passen dann nicht mehr zueinander.
change-set-ask = Die anderen Änderungen trotzdem zurücknehmen? Ohne „ja“ bleiben alle Änderungen dieses Schritts, wie sie sind. [j/N]
journal-undo-kept-set =
    { $kind ->
        [firewall] Das Firewall-Fenster für Port { $port }
        [guard] Die Firewall-Regel für Port { $port }
        [command] Der Befehl { $path }
       *[file] { $path }
    } bleibt, wie es ist, weil es mit { $kept } zusammengehört, das von Hand geändert wurde.
journal-change-firewall-guard = Firewall-Regel, die Port { $port } zwischen den Erneuerungen geschlossen hält
