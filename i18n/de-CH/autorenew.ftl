# Schweizer Schreibweise der automatischen Erneuerung.

autorenew-help =
    Was hier eingerichtet wird: Ein Zeitplan auf diesem Server (bei systemd ein «Timer», sonst ein Eintrag für cron) startet zweimal am Tag «praxis-tls renew». Das Programm prüft dann, ob das Zertifikat bald abläuft, und holt rechtzeitig ein neues.
    Es braucht dafür ein Programm an einem festen Ort. Läuft der Assistent gerade aus einem anderen Ordner, kopiert er sich nach /usr/local/sbin.
    Geht bei der Erneuerung etwas schief, schickt der Server eine E-Mail an die Adresse, die Sie hier eintragen. Ihre IT-Betreuung kennt die Angaben zum Mailserver (SMTP): Servername, Absender, Benutzername und Passwort. Mit Ctrl+T geht sofort eine Test-E-Mail hinaus.
    Rückgängig machen: «praxis-tls undo» entfernt den Zeitplan wieder.
    Pfeil hoch/runter wählt, Tab springt zum nächsten Feld, Enter richtet ein (nach einer Rückfrage).

autorenew-skip-warning = Ohne automatische Erneuerung läuft das Zertifikat in wenigen Wochen ab, und die Terminbuchung zeigt dann eine Warnung. Jemand muss vorher «praxis-tls renew» von Hand starten.

autorenew-no-mail = Ohne E-Mail bemerkt nur «praxis-tls status» oder Ihre Überwachung, wenn eine Erneuerung fehlschlägt.

autorenew-confirm-no-mail = Ohne E-Mail: Einen Fehler bemerkt nur «praxis-tls status» oder Ihre Überwachung.

autorenew-confirm-undo = «praxis-tls undo» nimmt es wieder zurück.

done-renew-missing = Die automatische Erneuerung ist nicht eingerichtet. Das Zertifikat läuft in wenigen Wochen ab, wenn niemand es erneuert. Starten Sie den Assistenten noch einmal, oder lassen Sie Ihre IT-Betreuung «praxis-tls schedule» ausführen.

autorenew-done = Eingerichtet: Zweimal am Tag startet der Server { $binary }, und «praxis-tls status» zeigt, ob es läuft.
