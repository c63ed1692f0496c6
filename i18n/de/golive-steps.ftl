## Installieren, Proxy, Neustart, Schlusstest (auf dem Server)
check-files-installed = Zertifikat abgelegt
check-proxy-config = Einstellungen des Vermittlers
check-restarted = Neustart
check-final-tls = Zertifikat
check-final-exposure = Nur der Termindienst erreichbar
golive-install-body = Das Programm legt Zertifikat und Schlüssel in sein eigenes Verzeichnis. Den Schlüssel kann nur der Verwalter (root) lesen; er kommt nicht in die Datenablage (Volume) webelexisdata, die auch der Termindienst im Internet liest.
golive-proxy-body = Damit der Vermittler (Proxy, hier Traefik) das Zertifikat für { $domain } zeigt, ändert das Programm diese Dateien. Jede wird vorher gesichert und lässt sich mit „praxis-tls undo“ zurücknehmen. Auf Port 443 kommt nur der Termindienst.
golive-restart-body = Elexis-OOB in { $dir } wird neu gestartet (erst anhalten, dann starten), damit die neuen Einstellungen gelten. Dabei hält alles an, was zu Elexis-OOB gehört, auch die Datenbank: Ein bis zwei Minuten lang kann niemand in der Praxis mit Elexis arbeiten, und der Termindienst ist nicht erreichbar. Wählen Sie am besten einen ruhigen Moment.
golive-restart-output = Was Docker dabei meldet (auf Englisch):
golive-final-body = Das Programm verbindet sich wie ein Patient mit https://{ $domain }: Es muss das neue Zertifikat sehen, und sonst darf nichts von außen erreichbar sein.
golive-final-phone = Prüfen Sie es auch selbst: Öffnen Sie auf dem Handy mit ausgeschaltetem WLAN https://{ $domain } – das Schloss muss erscheinen, ohne Warnung.
golive-final-confirm = Auf dem Handy geprüft: Schloss ohne Warnung (Leertaste)
golive-confirm-title = Jetzt ausführen?
golive-confirm-apply = Die gezeigten Änderungen werden geschrieben. Jede Datei wird vorher gesichert; „praxis-tls undo“ nimmt alles zurück.
golive-confirm-restart = Elexis-OOB in { $dir } jetzt neu starten? Ein bis zwei Minuten lang steht alles still, auch die Datenbank: Niemand kann mit Elexis arbeiten, und der Termindienst ist nicht erreichbar.
golive-gate-apply = Enter schreibt die Änderungen (vorher gesichert).
golive-gate-restart = Enter startet Elexis-OOB neu.
golive-step-no-certificate = Es gibt noch kein Zertifikat. Gehen Sie zurück zum Schritt Zertifikat.
golive-step-installed = Zertifikat und Schlüssel liegen in { $dir }.
golive-step-proxy-unchanged = Der Vermittler (Traefik) ist schon für dieses Zertifikat eingerichtet.
golive-step-proxy-planned = { $count ->
        [one] 1 Datei wird
       *[other] { $count } Dateien werden
    } geändert (unten gezeigt).
golive-step-proxy-drift = Die Grundeinstellung von Elexis-OOB hat sich seit dem letzten Mal geändert; die neue Fassung übernimmt sie.
golive-step-proxy-applied = Die Einstellungen sind geschrieben.
golive-step-replan = Die Änderungen müssen neu ermittelt werden. Drücken Sie F5.
golive-step-restarted-since = Elexis-OOB läuft inzwischen wieder, mit den neuen Einstellungen.
restart-still-fix = Beheben Sie das, dann prüft F5 (oder { -ctrl }+R) noch einmal, oder Enter startet Elexis-OOB neu.
golive-step-restarted = Elexis-OOB läuft wieder.
golive-step-no-address = Für { $host } ist keine Adresse bekannt. Prüfen Sie den Schritt DNS.
golive-step-internal = Ein interner Fehler ist aufgetreten. Einzelheiten stehen im Protokoll.
check-final-port80 = Port 80 ruhig
golive-port80-quiet = Auf Port 80 antwortet nichts, solange kein Zertifikat ausgestellt wird.
golive-port80-answers = Auf Port 80 antwortet etwas (Status { $status } { $server }), obwohl gerade kein Zertifikat ausgestellt wird.
golive-port80-answers-fix = Die Portfreigabe für Port 80 muss auf Port { $port } dieses Servers zeigen, wo nur während einer Ausstellung etwas antwortet – nicht auf Port 80, wo der Vermittler (Traefik) antwortet ({ router-menu-forward }).
golive-port80-unclear = Auf Port 80 kam eine Verbindung zustande, aber keine klare Antwort. Prüfen Sie die Portfreigabe für Port 80.
check-uploaded = An die Verwaltung gesendet
golive-upload-title = Oder: an die Verwaltungsseite senden (nur wenn dieses Programm nicht auf dem Server läuft)
golive-upload-label = Server:
golive-upload-hint = Tab: Feld wählen, Enter: senden (mit Warnung). Danach die Schritte „Vermittler“ und „Neustart“ wie beschrieben.
golive-upload-key = Enter senden
golive-upload-no-server = Den Server { $server } findet das Programm nicht. Geben Sie seine Adresse ein, zum Beispiel 192.168.1.20 oder nuno.
golive-checked-inside = Geprüft über die Adresse dieses Servers, weil der Router Verbindungen von innen an die eigene öffentliche Adresse nicht zurückleitet.
golive-exposure-inside = Von innen nicht prüfbar: Der Router leitet Verbindungen an die eigene öffentliche Adresse nicht zurück.
golive-port80-inside = Port 80 ist von innen nicht prüfbar.
golive-from-outside-fix = Prüfen Sie von außen, zum Beispiel auf dem Handy mit ausgeschaltetem WLAN: https://{ $host } muss mit Schloss und ohne Warnung erscheinen, http://{ $host } (ohne s) darf nichts zeigen. Ob sonst nichts von Elexis-OOB offen ist, kann Ihre IT-Betreuung von einem Rechner außerhalb der Praxis prüfen.
