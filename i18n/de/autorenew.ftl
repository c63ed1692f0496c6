# Schritt 13: automatische Erneuerung.

autorenew-name = Erneuern
autorenew-title = Automatisch erneuern
autorenew-body = Ein Zertifikat von Let's Encrypt gilt nur wenige Wochen. Damit nie eine Warnung erscheint, prüft der Server es zweimal am Tag (zwischen 8 und 11 Uhr und zwischen 13 und 16 Uhr) und erneuert es rechtzeitig.
autorenew-help =
    Was hier eingerichtet wird: Ein Zeitplan auf diesem Server (bei systemd ein „Timer“, sonst ein Eintrag für cron) startet zweimal am Tag „praxis-tls renew“. Das Programm prüft dann, ob das Zertifikat bald abläuft, und holt rechtzeitig ein neues.
    Es braucht dafür ein Programm an einem festen Ort. Läuft der Assistent gerade aus einem anderen Ordner, kopiert er sich nach /usr/local/sbin.
    Geht bei der Erneuerung etwas schief, schickt der Server eine E-Mail an die Adresse, die Sie hier eintragen. Ihre IT-Betreuung kennt die Angaben zum Mailserver (SMTP): Servername, Absender, Benutzername und Passwort. Mit Ctrl+T geht sofort eine Test-E-Mail hinaus.
    Rückgängig machen: „praxis-tls undo“ entfernt den Zeitplan wieder.
    Pfeil hoch/runter wählt, Tab springt zum nächsten Feld, Enter richtet ein (nach einer Rückfrage).
autorenew-choice-set-up = Automatisch erneuern (empfohlen)
autorenew-choice-skip = Nicht einrichten
autorenew-skip-warning = Ohne automatische Erneuerung läuft das Zertifikat in wenigen Wochen ab, und die Terminbuchung zeigt dann eine Warnung. Jemand muss vorher „praxis-tls renew“ von Hand starten.
autorenew-mail-intro = E-Mail bei einem Fehler (freiwillig):
autorenew-mail-host = Mailserver (SMTP):
autorenew-mail-from = Absender:
autorenew-mail-to = Empfänger:
autorenew-mail-user = Benutzername:
autorenew-mail-password = Passwort:
autorenew-mail-password-stored = (gespeichert)
autorenew-no-mail = Ohne E-Mail bemerkt nur „praxis-tls status“ oder Ihre Überwachung, wenn eine Erneuerung fehlschlägt.
autorenew-with-mail = Schlägt eine Erneuerung fehl, geht eine E-Mail an die Empfänger. Ctrl+T schickt jetzt eine Test-E-Mail.
autorenew-gate = Enter richtet die automatische Erneuerung ein (nach einer Rückfrage).
autorenew-confirm-title = Automatische Erneuerung einrichten?
autorenew-confirm-no-mail = Ohne E-Mail: Einen Fehler bemerkt nur „praxis-tls status“ oder Ihre Überwachung.
autorenew-confirm-mail = Bei einem Fehler geht eine E-Mail an { $to }.
autorenew-confirm-undo = „praxis-tls undo“ nimmt es wieder zurück.
autorenew-done = Eingerichtet: Zweimal am Tag startet der Server { $binary }, und „praxis-tls status“ zeigt, ob es läuft.
autorenew-failed-fix = Nichts ist halb eingerichtet. Versuchen Sie es mit Enter noch einmal; hilft das nicht, geben Sie die Meldung Ihrer IT-Betreuung weiter.
autorenew-test-sent = Test-E-Mail an { $to } verschickt. Bitte prüfen Sie, ob sie angekommen ist (auch im Spam-Ordner).
autorenew-test-failed-fix = Prüfen Sie die Angaben mit Ihrer IT-Betreuung und schicken Sie mit Ctrl+T noch eine Test-E-Mail. Die übrigen Einstellungen gehen nicht verloren.
autorenew-mail-host-missing = Bitte tragen Sie den Mailserver ein (zum Beispiel mail.praxis-muster.ch), oder lassen Sie alle E-Mail-Felder leer.
autorenew-mail-host-invalid = { $host } ist kein gültiger Mailserver. Schreiben Sie den Namen, zum Beispiel mail.praxis-muster.ch, oder mit Port: mail.praxis-muster.ch:465.
autorenew-mail-address-invalid = { $address } ist keine gültige E-Mail-Adresse. Bitte prüfen Sie die Schreibweise.
autorenew-mail-to-missing = Bitte tragen Sie mindestens einen Empfänger ein.
check-schedule = Automatische Erneuerung
check-test-mail = Test-E-Mail
key-test-mail = Ctrl+T Testmail
done-renew-missing = Die automatische Erneuerung ist nicht eingerichtet. Das Zertifikat läuft in wenigen Wochen ab, wenn niemand es erneuert. Starten Sie den Assistenten noch einmal, oder lassen Sie Ihre IT-Betreuung „praxis-tls schedule“ ausführen.
autorenew-gate-skip = Enter geht ohne automatische Erneuerung weiter.
autorenew-installing = Die automatische Erneuerung wird eingerichtet …
