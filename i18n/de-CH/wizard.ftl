# Nur was sich in der Schweiz anders schreibt (kein Eszett); alles andere kommt aus de.

## Schweizer Tastaturen beschriften die Taste mit «Ctrl».
-ctrl = Ctrl

firewall-body =
    Die Firewall dieses Servers bleibt eingeschaltet. Für die Prüfung und die Ausstellung des Zertifikats öffnet das Programm nur Port { $port }, und nur für 15 Minuten: danach schliesst er sich von selbst, auch wenn die Verbindung abbricht.
help-close = Esc oder Enter schliesst die Hilfe.
pending-finish = Abschliessen
final-body =
    Öffnen Sie auf Ihrem Handy mit ausgeschaltetem WLAN die Adresse https://{ $domain }
    Das Schloss muss erscheinen, ohne Warnung. Versuchen Sie auch https://webelexis.{ $registered } – das darf nicht funktionieren.
firewall-window-open = Port geöffnet; er schliesst sich in { $minutes } Minuten von selbst.
ports-public-unknown = Die öffentliche Adresse dieses Servers liess sich nicht feststellen.
cert-self-signed-failed = Das selbst signierte Zertifikat liess sich nicht erstellen.

# Schweizer Schreibweise (ss, «…») der übrigen Meldungen aus de/wizard.ftl.
gate-overridden = Sie haben diese Prüfung übergangen («trotzdem weiter»).
start-fix-path = Prüfen Sie den Pfad. Wenn Sie dieses Programm nicht auf dem Elexis-Server ausführen, können Sie mit «trotzdem weiter» fortfahren.
ports-body =
    Richten Sie im Router zwei Portfreigaben (TCP) auf diesen Server ein:
      aus dem Internet Port 443 → Port 443 (der Termindienst)
      aus dem Internet Port 80, nur IPv4 → Port { $port } (antwortet nur beim Ausstellen)
    Nie «Exposed Host» oder automatische Freigaben (UPnP) für diesen Server (F1 erklärt es).
restart-body =
    Ihre IT-Betreuung gibt im Ordner { $dir } diese zwei Befehle ein (erst anhalten, dann starten):
    docker-compose stop
    docker-compose up -d
    (Der Befehl «restart» allein übernimmt geänderte Einstellungen nicht.)
done-body = Der Termindienst ist eingerichtet. Was das Programm geändert hat, lässt sich mit «praxis-tls undo» rückgängig machen.
done-renew = Let's-Encrypt-Zertifikate gelten höchstens 90 Tage. Ab 2027 gelten sie nur noch 64 Tage, ab 2028 nur noch 45 Tage. Let's Encrypt schickt keine Erinnerung mehr. Der Server erneuert die Zertifikate deshalb ab jetzt selbst: Er prüft zweimal am Tag, ob es Zeit ist.
firewall-confirm-body = Damit Let's Encrypt diesen Server prüfen kann, öffnet das Programm in der Firewall Port { $port }, nur für { $minutes } Minuten. Danach schliesst er sich von selbst, auch wenn die Verbindung abbricht. Die Änderung wird festgehalten; «praxis-tls undo» nimmt sie zurück.
cert-confirm-dry = Mit «Ja» stimmen Sie den Nutzungsbedingungen von Let's Encrypt zu. Das Wichtigste darin: Sie beantragen Zertifikate nur für Namen, die Ihrer Praxis gehören, und melden es Let's Encrypt, falls der Schlüssel in fremde Hände gerät. Den ganzen Text (auf Englisch) finden Sie unter { $url }. Danach startet der Probelauf; klappt er, folgt gleich das echte Zertifikat.
cert-confirm-real = Mit «Ja» stimmen Sie den Nutzungsbedingungen von Let's Encrypt zu. Das Wichtigste darin: Sie beantragen Zertifikate nur für Namen, die Ihrer Praxis gehören, und melden es Let's Encrypt, falls der Schlüssel in fremde Hände gerät. Den ganzen Text (auf Englisch) finden Sie unter { $url }. Danach bezieht das Programm das echte Zertifikat.

# Tasten und Dialoge (ss, «…»).
too-small-quit = Bitte vergrössern Sie das Fenster. Bis dahin wirkt keine Taste ausser q oder Ctrl+C: Das beendet das Programm, Ihr Stand bleibt gespeichert.
key-dialog-close = Esc/Enter schliessen
start-over-body =
    Sie gehen alle Schritte noch einmal von vorn durch und geben alles neu ein.
    Erhalten bleibt, was schon eingerichtet ist:
    • die schon installierten Dateien und das Zertifikat, das gerade gilt («praxis-tls status» zeigt es weiter),
    • das Protokoll der Änderungen: «praxis-tls undo» kann sie weiter zurücknehmen,
    • die bisherigen Versuche bei Let's Encrypt: Sie zählen weiter für dessen Grenzen (zum Beispiel höchstens 5 Fehlversuche pro Stunde).
pending-window-close = Schliessen (empfohlen)
gate-manual-input = Im Feld «Server» sendet Enter (mit Warnung). Alles von Hand erledigt? Dann Tab, Leertaste, Enter.
