## Swiss overlay of de/journal.ftl: only the messages that differ.
## Swiss German writes "ss" for the sharp s (never the letter itself) and quotes with «…» instead of „…“.

store-permission-denied = Das Programm darf nicht in { $path } schreiben. Starten Sie es mit Administratorrechten: «sudo praxis-tls».
journal-target-permission-denied = Das Programm darf { $path } nicht ändern. Starten Sie es mit Administratorrechten: «sudo praxis-tls».
change-set-ask = Die anderen Änderungen trotzdem zurücknehmen? Ohne «ja» bleiben alle Änderungen dieses Schritts, wie sie sind. (ja/nein)
