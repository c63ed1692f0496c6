## Swiss overlay of de/keepvalid.ftl: only the messages that differ.
## Swiss German writes "ss" for the sharp s (never the letter itself) and quotes with «…» instead of „…“.

schedule-systemctl-failed = Der Befehl «{ $command }» ist fehlgeschlagen: { $detail }. Die Dateien sind geschrieben, der Zeitplan ist aber noch nicht aktiv. Bitte wenden Sie sich an Ihre IT-Betreuung.
mail-error-address = «{ $address }» ist keine gültige E-Mail-Adresse. Bitte prüfen Sie die Schreibweise.
