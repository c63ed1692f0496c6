# Nur was sich in der Schweiz anders schreibt (kein Eszett); alles andere kommt aus de.
firewall-body =
    Die Firewall bleibt eingeschaltet. Für die Ausstellung des Zertifikats muss Port { $port } nur für kurze Zeit offen sein.
    Mit ufw zum Beispiel: sudo ufw allow { $port }/tcp
    Nach der Ausstellung wieder schliessen: sudo ufw delete allow { $port }/tcp
help-close = Esc oder Enter schliesst die Hilfe.
pending-finish = Abschliessen
final-body =
    Öffnen Sie auf Ihrem Handy mit ausgeschaltetem WLAN die Adresse https://{ $domain }
    Das Schloss muss erscheinen, ohne Warnung. Versuchen Sie auch https://webelexis.{ $registered } – das darf nicht funktionieren.
