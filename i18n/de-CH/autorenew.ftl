# Schweizer Schreibweise der automatischen Erneuerung.


autorenew-skip-warning = Ohne automatische Erneuerung läuft das Zertifikat in wenigen Wochen ab, und die Terminbuchung zeigt dann eine Warnung. Jemand muss vorher «praxis-tls renew» von Hand starten.

autorenew-no-mail = Ohne E-Mail bemerkt nur «praxis-tls status» oder Ihre Überwachung, wenn eine Erneuerung fehlschlägt.

autorenew-confirm-no-mail = Ohne E-Mail: Einen Fehler bemerkt nur «praxis-tls status» oder Ihre Überwachung.

autorenew-confirm-undo = «praxis-tls undo» nimmt es wieder zurück.

done-renew-missing = Die automatische Erneuerung ist nicht eingerichtet. Das Zertifikat läuft in wenigen Wochen ab, wenn niemand es erneuert. Starten Sie den Assistenten noch einmal, oder lassen Sie Ihre IT-Betreuung «praxis-tls schedule» ausführen.

autorenew-done = Eingerichtet: Zweimal am Tag startet der Server { $binary }, und «praxis-tls status» zeigt, ob es läuft.
