## Swiss overlay of de/keepvalid.ftl: only the messages that differ.
## Swiss German writes "ss" for the sharp s (never the letter itself) and quotes with «…» instead of „…“.

mail-error-address = «{ $address }» ist keine gültige E-Mail-Adresse. Bitte prüfen Sie die Schreibweise.
status-firewall-guard = Die Firewall hält Port { $port } zwischen den Erneuerungen geschlossen (Tabelle { $table }), weil die Weiterleitung von Port 80 im Router bleibt. «praxis-tls undo» entfernt diese Tabelle.
