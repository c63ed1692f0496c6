# Schritt 12: weitere Systeme (freiwillig): Orthanc und Express Gateway.

systems-name = Weitere
systems-title = Weitere Systeme (freiwillig)
systems-body = Der Termindienst läuft. Hier lassen sich zwei weitere Systeme der Praxis mit HTTPS absichern, jedes unter eigenem Namen. Wer keines hat: einfach Enter.
systems-choice-none = Nichts weiter, zum Abschluss
systems-choice-orthanc = Orthanc im Praxisnetz (eigene Praxis-CA)
systems-choice-gateway = Express Gateway (Let's Encrypt)
systems-orthanc-host = Name im Praxisnetz:
systems-orthanc-config = Einstellungsdatei:
systems-orthanc-ips = Weitere IP-Adressen (freiwillig):
systems-orthanc-clients = Browser-Zertifikate für (freiwillig):
systems-orthanc-passphrase = Kennwort der Browser-Zertifikate:
systems-orthanc-how = Zum Beispiel pacs.praxis.lan und /etc/orthanc/orthanc.json. Namen von Personen durch Kommas trennen; dann ist ein Kennwort nötig (mindestens 8 Zeichen), das nicht gespeichert wird.
systems-gateway-host = Name des Gateways:
systems-gateway-config = gateway.config.yml:
systems-gateway-disk-root = Zertifikat-Ordner hier:
systems-gateway-root = Derselbe Ordner im Gateway (Container):
systems-gateway-email = E-Mail für Let's Encrypt:
systems-gateway-how = Zum Beispiel api.praxis-muster.ch. Der Ordner ist die gemeinsame Datenablage (Volume) der AIoTES-Anleitung (/etc/letsencrypt, im Gateway /var/lib/certs).
systems-gate-plan = Enter zeigt die Änderung; erst nach Ihrem Ja wird etwas geschrieben.
check-orthanc = Orthanc
check-gateway = Express Gateway
systems-choose = Bitte wählen Sie zuerst ein System.
systems-host-invalid = { $host } ist kein gültiger Rechnername. Erlaubt sind Buchstaben, Ziffern und Bindestriche, durch Punkte getrennt, zum Beispiel pacs.praxis.lan.
systems-host-is-termine = { $host } ist der Name des Termindienstes. Jedes weitere System braucht einen eigenen Namen, zum Beispiel pacs.praxis.lan oder api.praxis-muster.ch.
systems-path-invalid = { $path } ist kein vollständiger Pfad. Geben Sie ihn ab dem Wurzelordner an, zum Beispiel /etc/orthanc/orthanc.json.
systems-ip-invalid = { $ip } ist keine IP-Adresse. Schreiben Sie sie wie 192.168.1.20, mehrere durch Kommas getrennt, oder lassen Sie das Feld leer.
systems-passphrase-short = Für die Browser-Zertifikate braucht es ein Kennwort mit mindestens { $min } Zeichen. Es wird nicht gespeichert: Notieren Sie es und geben Sie es getrennt von den Dateien weiter.
systems-gateway-not-public = { $host } ist kein öffentlicher Name. Let's Encrypt prüft aus dem Internet und kann nur Namen unter Ihrer eigenen Domain bestätigen, zum Beispiel api.praxis-muster.ch.
systems-gateway-dns-missing = Der Name { $host } hat im DNS keine IPv4-Adresse.
systems-gateway-dns-other = Der Name { $host } zeigt im DNS auf { $found }, nicht auf die Adresse der Praxis.
systems-gateway-dns-fix = Legen Sie beim Domain-Anbieter für diesen Namen einen Adress-Eintrag (A-Eintrag) auf { $ip } an (dieselbe Adresse wie der Termin-Name) und versuchen Sie es nach einigen Minuten wieder mit Enter.
systems-config-unreadable = Die Datei { $path } lässt sich nicht lesen.
systems-config-unreadable-fix = Prüfen Sie den Pfad. Das Programm muss mit Verwalterrechten laufen (root, sudo), um Einstellungen anderer Dienste zu lesen.
systems-internal = Ein interner Fehler ist aufgetreten. Es wurde nichts geschrieben. Bitte senden Sie Ihrer IT-Betreuung den Bericht von praxis-tls report.
systems-orthanc-plan = Orthanc erhält ein Zertifikat der Praxis-CA für { $host } in { $certificate }; was sich in der Einstellungsdatei ändert, steht darunter.
systems-orthanc-plan-mtls = Orthanc erhält ein Zertifikat der Praxis-CA für { $host } in { $certificate } und verlangt danach Browser-Zertifikate ({ $count ->
        [one] eines wird
       *[other] { $count } werden
    } gemacht); was sich in der Einstellungsdatei ändert, steht darunter.
systems-gateway-plan = Express Gateway erhält ein Let's-Encrypt-Zertifikat für { $host } in { $dir }; was sich in der Einstellungsdatei ändert, steht darunter.
systems-confirm-title = Jetzt schreiben?
systems-confirm-orthanc = Das Programm macht (falls noch nicht vorhanden) die Praxis-CA, schreibt Schlüssel und Zertifikat und ändert die Einstellungsdatei wie beschrieben. Die alte Datei wird gesichert; praxis-tls undo stellt sie wieder her.
systems-confirm-gateway = Das Programm holt bei Let's Encrypt ein Zertifikat für das Gateway (Port 80 ist dafür kurz offen), legt die Dateien ab und ändert die Einstellungsdatei wie beschrieben. Die alte Datei wird gesichert; praxis-tls undo stellt sie wieder her. Mit Ja akzeptieren Sie die Nutzungsbedingungen von Let's Encrypt ({ $terms }).
systems-done = Eingerichtet: { $host }
systems-orthanc-done = Schlüssel und Zertifikat: { $certificate } (gültig bis { $date }); HTTPS eingeschaltet in { $config }.
systems-orthanc-ca = Installieren Sie auf jedem Praxis-Computer einmal das Zertifikat des Praxis-Ausstellers (CA-Zertifikat) { $ca } als vertrauenswürdigen Aussteller (Zertifizierungsstelle).
systems-orthanc-restart = Starten Sie Orthanc neu. Die Adresse beginnt danach mit https://.
systems-gateway-done = Dateien in { $dir } (gültig bis { $date }); Zertifikat eingetragen in { $config }.
systems-gateway-restart = Aktualisieren Sie jetzt den Dienst von Express Gateway (in Portainer: Stacks, API-Stack, express-gw, Update). praxis-tls renew erneuert das Zertifikat künftig mit dem des Termindienstes und meldet per E-Mail, wann das Gateway wieder aktualisiert werden muss.
systems-gate-apply = Enter schreibt die gezeigte Änderung (nach einer Rückfrage); Esc verwirft sie.
systems-gateway-email-invalid = { $email } ist keine gültige E-Mail-Adresse. Let's Encrypt braucht eine Adresse, zum Beispiel praxis@praxis-muster.ch.
systems-body-unchecked = Hier lassen sich zwei weitere Systeme der Praxis mit HTTPS absichern, jedes unter eigenem Namen. Wer keines hat: einfach Enter.
systems-choice-orthanc-terminator = Orthanc mit stunnel davor (eigene Praxis-CA)
systems-orthanc-restart-field = Orthanc neu starten mit:
systems-orthanc-port = HTTPS-Port für die Praxis-Computer:
systems-orthanc-proxy-restart = stunnel neu starten mit:
systems-orthanc-terminator-how = stunnel nimmt HTTPS auf dem Port an und reicht es an Orthanc auf diesem Rechner weiter. Das hilft, wo Orthanc selbst bei HTTPS abstürzt (Debian 12, Ubuntu 24.04). Namen durch Kommas trennen; das Kennwort (mindestens 8 Zeichen) wird nicht gespeichert.
systems-orthanc-restart-invalid = «{ $command }» ist kein Befehl, den das Programm ausführen kann. Zum Beispiel: systemctl restart orthanc
systems-orthanc-port-invalid = { $port } ist kein Port. Geben Sie eine Zahl von 1 bis 65535 an, zum Beispiel 8443.
systems-orthanc-plan-terminator = stunnel nimmt HTTPS für { $host } auf Port { $port } an, mit einem Zertifikat der Praxis-CA in { $certificate }. Orthanc bleibt, wie es ist; seine Einstellungsdatei ändert sich nicht.
systems-orthanc-plan-terminator-mtls = stunnel nimmt HTTPS für { $host } auf Port { $port } an, mit einem Zertifikat der Praxis-CA in { $certificate }, und lässt nur Computer mit Browser-Zertifikat durch ({ $count ->
        [one] eines wird
       *[other] { $count } werden
    } gemacht). Orthanc selbst ändert sich nicht.
systems-orthanc-ciphers = Die Einstellung SslCiphersAccepted ({ $ciphers }) würde Browser mit dem Schlüssel der Praxis-CA aussperren. Das Programm ersetzt sie durch eine Liste, die für beide Schlüsselarten passt.
systems-orthanc-remote-off = Achtung: Orthanc erlaubt heute keinen Zugriff von anderen Computern (RemoteAccessAllowed ist aus). Die Praxis-Computer bekommen dann «401 Unauthorized». Das Programm ändert das nicht; Ihre IT-Betreuung legt dafür Benutzer in Orthanc an.
systems-orthanc-remote-no-users = Achtung: Orthanc lässt andere Computer ohne Anmeldung zu. Mit HTTPS ist die Verbindung geschützt, aber nicht der Zugang.
systems-orthanc-remote-open = Die Praxis-Computer melden sich wie bisher mit ihrem Orthanc-Benutzer an.
systems-orthanc-affected = Dieses Orthanc stürzt mit eigenem HTTPS ab (bekannter Fehler von civetweb mit OpenSSL 3). Wählen Sie besser «Orthanc mit stunnel davor». Versuchen Sie es trotzdem, prüft das Programm danach und nimmt die Änderung bei einem Absturz zurück.
systems-orthanc-terminator-remote = Orthanc bleibt für andere Computer gesperrt (RemoteAccessAllowed aus): Nur stunnel auf diesem Rechner erreicht es. So kommt niemand am HTTPS vorbei.
systems-orthanc-done-terminator = Schlüssel und Zertifikat: { $certificate } (gültig bis { $date }); stunnel nimmt HTTPS auf Port { $port } an, Orthanc ({ $config }) bleibt unverändert.
systems-orthanc-checked = Geprüft: Orthanc antwortet über HTTPS auf Port { $port } und läuft auch einige Sekunden danach noch. Die Adresse beginnt jetzt mit https://.
orthanc-live-crash = Orthanc ist bei der ersten HTTPS-Anfrage abgestürzt. Das ist ein bekannter Fehler dieser Orthanc-Version: Ihr Baustein civetweb passt nicht zu OpenSSL 3 (civetweb-Fehler 1334, betrifft Debian 12 und Ubuntu 24.04).
orthanc-live-died = Orthanc hat zuerst geantwortet, einige Sekunden später aber nicht mehr. Technisch: { $detail }
orthanc-live-not-listening = Orthanc hat nach dem Neustart auf seinem Port nicht geantwortet. Technisch: { $detail }
orthanc-live-untrusted = Orthanc zeigt ein Zertifikat, das nicht von der Praxis-CA stammt. Technisch: { $detail }
orthanc-live-client-not-required = Orthanc hat einen Computer ohne Browser-Zertifikat hereingelassen. Damit wäre der Schutz wirkungslos.
orthanc-live-client-refused = Orthanc hat das Browser-Zertifikat abgelehnt. Technisch: { $detail }
orthanc-live-status = Orthanc hat mit dem Fehlercode { $status } geantwortet statt mit 200.
orthanc-live-other = Die Prüfung von Orthanc ist misslungen. Technisch: { $detail }
orthanc-live-rolled-back = Das Programm hat die Änderung zurückgenommen und Orthanc neu gestartet. Orthanc läuft wieder wie vorher über HTTP (Port { $port }).
orthanc-live-rollback-failed = Das Programm konnte die Änderung nicht ganz zurücknehmen. Rufen Sie Ihre IT-Betreuung an; praxis-tls undo nimmt den Rest zurück.
orthanc-live-offer-terminator = Wählen Sie «Orthanc mit stunnel davor» (Pfeil runter) und drücken Sie Enter. Dann nimmt stunnel HTTPS an und Orthanc bleibt, wie es ist. Die Praxis-Computer nutzen danach den neuen HTTPS-Port.
orthanc-live-terminator-fix = Prüfen Sie, ob stunnel4 installiert ist (apt install stunnel4) und der Port frei ist, und versuchen Sie es dann wieder mit Enter.
