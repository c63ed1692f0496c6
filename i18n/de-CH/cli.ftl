## Nur was im Schweizer Deutsch anders ist (ss statt Eszett); der Rest kommt aus de.

cli-golive-checking = Schlusstest: Was Patienten unter https://{ $domain } sehen, an jeder Adresse des Namens …
cli-golive-not-checkable = Das neue Zertifikat für { $domain } ist eingespielt, aber von diesem Server aus ist keine Adresse des Namens erreichbar (weder vor noch nach der Änderung). Bitte https://{ $domain } von aussen prüfen, zum Beispiel auf dem Handy ohne WLAN.

# Schweizer Schreibweise (ss, «…») der übrigen Meldungen aus de/cli.ftl.
cli-cert-bad-domain = «{ $domain }» ist kein gültiger Name für ein Zertifikat:
cli-golive-undo-failed = Eine Änderung konnte nicht zurückgenommen werden; «praxis-tls undo» zeigt, was übrig ist.
cli-mail-not-configured = Es sind keine Mail-Einstellungen gespeichert, darum ging keine Mail hinaus (einrichten mit «praxis-tls mail»).
cli-undo-restart-needed = Wichtig: Der Vermittler von Elexis-OOB (Proxy) verwendet die zurückgenommenen Einstellungen, bis er neu startet. Bis dahin zeigt die Terminseite den Patienten eine Warnung. So starten Sie ihn neu: im Ordner { $dir } erst «docker compose stop» und dann «docker compose up -d» eingeben (auf älteren Servern «docker-compose» statt «docker compose»). Oder starten Sie den Assistenten: Er führt durch die Einrichtung und den Neustart.
