# Nur was sich in der Schweiz anders schreibt (kein Eszett); alles andere kommt aus de.
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
    Nie «Exposed Host» oder UPnP für diesen Server (F1 erklärt es).
restart-body =
    Im Verzeichnis { $dir }:
    docker-compose stop
    docker-compose up -d
    («restart» allein übernimmt geänderte Einstellungen nicht.)
done-body = Der Termindienst ist eingerichtet. Was das Programm geändert hat, lässt sich mit «praxis-tls undo» rückgängig machen.
done-renew = Let's-Encrypt-Zertifikate gelten höchstens 90 Tage (ab 2027 64, ab 2028 45 Tage), und Let's Encrypt erinnert nicht mehr. Der Server erneuert sie ab jetzt zweimal am Tag selbst, wenn es an der Zeit ist.
firewall-confirm-body = Das Programm führt jetzt diese Befehle aus. Sie werden festgehalten und lassen sich mit «praxis-tls undo» zurücknehmen:
ports-help =
    Ihre Router-Anleitung steht im Schritt selbst (Bild↓).
    «Exposed Host» und «Selbstständige Portfreigaben (UPnP)» stellen alle Dienste des Servers ins Internet, auch Verwaltung und Datenbank: für diesen Server beides auslassen.
cert-confirm-dry = Mit «Ja» akzeptieren Sie die Nutzungsbedingungen von Let's Encrypt ({ $url }) und starten den Probelauf. Klappt er, folgt gleich das echte Zertifikat.
cert-confirm-real = Mit «Ja» akzeptieren Sie die Nutzungsbedingungen von Let's Encrypt ({ $url }) und beziehen das echte Zertifikat.
