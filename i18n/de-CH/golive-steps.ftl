# Nur was sich in der Schweiz anders schreibt.
check-final-tls = Zertifikat
golive-final-body = Das Programm verbindet sich wie ein Patient mit https://{ $domain }: Es muss das neue Zertifikat sehen, und sonst darf nichts von aussen erreichbar sein.
golive-from-outside-fix = Prüfen Sie von aussen, zum Beispiel auf dem Handy mit ausgeschaltetem WLAN: https://{ $host } muss mit Schloss und ohne Warnung erscheinen, http://{ $host } (ohne s) darf nichts zeigen. Ob sonst nichts von Elexis-OOB offen ist, kann Ihre IT-Betreuung von einem Rechner ausserhalb der Praxis prüfen.

# Schweizer Schreibweise (ss, «…») der übrigen Meldungen aus de/golive-steps.ftl.
golive-proxy-body = Damit der Vermittler (Proxy, hier Traefik) das Zertifikat für { $domain } zeigt, ändert das Programm diese Dateien. Jede wird vorher gesichert und lässt sich mit «praxis-tls undo» zurücknehmen. Auf Port 443 kommt nur der Termindienst.
golive-confirm-apply = Die gezeigten Änderungen werden geschrieben. Jede Datei wird vorher gesichert; «praxis-tls undo» nimmt alles zurück.
golive-upload-hint = Tab: Feld wählen, Enter: senden (mit Warnung). Danach die Schritte «Vermittler» und «Neustart» wie beschrieben.
