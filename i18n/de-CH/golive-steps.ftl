# Nur was sich in der Schweiz anders schreibt.
check-final-tls = Zertifikat von aussen
golive-final-body = Das Programm verbindet sich wie ein Patient mit https://{ $domain }: Es muss das neue Zertifikat sehen, und sonst darf nichts von aussen erreichbar sein.
golive-from-outside-fix = Prüfen Sie von aussen, zum Beispiel auf dem Handy ohne WLAN: https://{ $host } muss gehen, https://webelexis.… und http://{ $host } dürfen nichts zeigen.

# Schweizer Schreibweise (ss, «…») der übrigen Meldungen aus de/golive-steps.ftl.
golive-proxy-body = Damit der Vermittler (Proxy, hier Traefik) das Zertifikat für { $domain } zeigt, ändert das Programm diese Dateien. Jede wird vorher gesichert und lässt sich mit «praxis-tls undo» zurücknehmen. Auf Port 443 kommt nur der Termindienst.
golive-confirm-apply = Die gezeigten Änderungen werden geschrieben. Jede Datei wird vorher gesichert; «praxis-tls undo» nimmt alles zurück.
golive-upload-hint = Tab: Feld wählen, Enter: senden (mit Warnung). Danach die Schritte «Proxy» und «Neustart» wie beschrieben.
