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
