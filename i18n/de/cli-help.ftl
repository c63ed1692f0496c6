## Die Hilfe der Befehlszeile (praxis-tls --help) und ihre Fehler; ohne Eszett,
## damit de-CH nichts überlagern muss.

cli-about = Stellt den Termindienst von Elexis-OOB mit einem vertrauenswürdigen Zertifikat ins Internet. Ohne Befehl: der Assistent.
cli-usage = Aufruf:
cli-heading-options = Optionen
cli-heading-commands = Befehle
cli-heading-global = Optionen für jeden Befehl
cli-heading-arguments = Angaben
cli-usage-options = [OPTIONEN]
cli-usage-command = [BEFEHL]
cli-arg-help = Diese Hilfe zeigen
cli-arg-version = Die Version zeigen
cli-arg-state-dir = Wo der Assistent seinen Stand, sein Protokoll der Änderungen, die Schlüssel und die Logdatei ablegt (Standard: /var/lib/praxis-tls, oder PRAXIS_TLS_STATE_DIR)
cli-arg-lang = Sprache: de, de-CH oder en (Standard: aus LANG)
cli-arg-dns-server = Namensserver für die DNS-Prüfungen (Standard: der des Systems)
cli-arg-dns-timeout = Sekunden, die auf jede DNS-Antwort gewartet wird (Standard: 5)
cli-arg-responder-port = Port, auf dem dieser Server die Prüfanfrage von Let's Encrypt beantwortet (Standard: { $port })
cli-arg-probe-port = Der äussere Port des Routers für die Prüfanfrage (Standard: 80; ein Testaufbau kann einen anderen haben)
cli-arg-public-ip-dns = Ein DNS-Server, der auf myip.opendns.com mit der anfragenden Adresse antwortet (statt der öffentlichen Dienste; für Testaufbauten und Tests)
cli-arg-public-ip-url = Ein HTTP-Dienst, der die anfragende Adresse als Text zurückgibt
cli-arg-acme-directory = Eine Zertifizierungsstelle (ACME-Verzeichnis) statt Let's Encrypt, für Probelauf und echtes Zertifikat, zum Beispiel eine Test-CA
cli-arg-acme-root = Das Stammzertifikat (PEM), das die HTTPS-Verbindung zu diesem Verzeichnis beglaubigt
cli-arg-answers = Eine Antwortdatei: Der Assistent füllt aus, was sie beantwortet, und hält dort an, wo sie nichts sagt, damit ein Mensch weitermacht
cli-arg-verbose = Mehr Einzelheiten in der Logdatei (und unter systemd im Systemjournal): -v für Fehlersuche, -vv für alles; PRAXIS_TLS_LOG=debug wirkt gleich
cli-arg-no-firewall = Die Firewall für den Port der Prüfanfrage nicht öffnen
cli-arg-final-port = Der HTTPS-Port, zu dem der Schlusstest verbindet (Standard: 443)
cli-arg-final-ca = Zertifikate von Zertifizierungsstellen (PEM), denen der Schlusstest statt denen des Systems vertraut

cli-undo-about = Macht jede Änderung des Assistenten rückgängig, die neueste zuerst
cli-undo-yes = Nicht nachfragen
cli-undo-force = Auch Dateien zurücksetzen, die seither jemand anderes geändert hat (dessen Fassung wird aufbewahrt)

cli-certificate-about = Holt ohne Rückfragen ein Zertifikat bei Let's Encrypt (zuerst ein Probelauf, dann das echte)
cli-certificate-domain = Der Name, für den das Zertifikat gilt, zum Beispiel termine.praxis-muster.ch
cli-certificate-email = Kontaktadresse für das Konto bei der Zertifizierungsstelle (für ein neues Konto nötig)
cli-certificate-staging = Nur der Probelauf (kein vertrauenswürdiges Zertifikat, keine Mengenbegrenzung)
cli-certificate-accept-terms = Den Nutzungsbedingungen der Zertifizierungsstelle zustimmen
cli-certificate-cert-dir = Wohin Zertifikat und Schlüssel kommen (Standard: certs im Verzeichnis des Assistenten)
cli-certificate-install = Das Zertifikat auch im Vermittler (Proxy) einspielen, ihn wenn nötig neu starten und von aussen prüfen (wie renew)

cli-renew-about = Erneuert das eingespielte Zertifikat, wenn es fällig ist (darf täglich laufen)
cli-renew-dry-run = Die ganze Erneuerung gegen den Probedienst von Let's Encrypt laufen lassen und nichts einspielen (das Zertifikat ist nicht vertrauenswürdig; keine Mengenbegrenzung)
cli-renew-force = Jetzt erneuern, auch wenn es nicht fällig ist (im Rahmen der Sperre von einmal am Tag und der Grenzen der Zertifizierungsstelle)
cli-renew-deploy-hook = Ein Befehl, der nach jeder gelungenen Erneuerung läuft, zum Beispiel um einen Dienst neu zu laden; er gilt auch für die geplanten Läufe. Er erhält RENEWED_LINEAGE (den Ordner der Dateien) und RENEWED_DOMAINS, wie bei certbot. Ein leerer Wert entfernt ihn.

cli-status-about = Zeigt, wie lange das Zertifikat noch gültig ist (für die Überwachung)
cli-status-format = Ausgabe: text, json oder nagios (Standard: text)
cli-status-warning = Eine Warnung an die Überwachung bei so vielen verbleibenden Tagen oder weniger
cli-status-critical = Alarm an die Überwachung bei so vielen verbleibenden Tagen oder weniger
cli-status-live = Jetzt auch von der Seite der Patienten nachsehen: den Namen auflösen, jede Adresse (A und AAAA) aufrufen und vergleichen, was jede zeigt

cli-check-about = Führt die Prüfungen aus, die nichts verändern (DNS, öffentliche Adresse, Firewall)
cli-check-domain = Der zu prüfende Name (Standard: der im Assistenten eingegebene)
cli-check-json = JSON statt Text

cli-report-about = Schreibt ein Paket für die IT-Betreuung, ohne Schlüssel und Passwörter
cli-report-out = Wohin das Paket kommt (Standard: das Verzeichnis des Assistenten)

cli-replay-about = Spielt eine Antwortdatei ohne Bildschirm ab, bis zum ersten Schritt, den sie nicht beantwortet oder der fehlschlägt
cli-replay-file = Die Antwortdatei (TOML), zum Beispiel die answers.toml eines früheren Laufs
cli-replay-yes = Vor dem Start nicht nachfragen

cli-mail-about = Legt fest, wohin die Mails bei Fehlern und die Erinnerungen gehen (und schickt eine Probe)
cli-mail-host = Der Mailserver (SMTP), zum Beispiel mail.example.ch
cli-mail-port = Sein Port (Standard: 587 für starttls, 465 für tls, 25 für plain)
cli-mail-security = Wie die Verbindung geschützt ist: starttls, tls oder plain (Standard: starttls)
cli-mail-user = Mit diesem Benutzernamen anmelden (das Passwort kommt über die Standardeingabe)
cli-mail-from = Die Absenderadresse
cli-mail-to = Ein Empfänger; für mehrere mehrmals angeben
cli-mail-password-stdin = Das Passwort aus der ersten Zeile der Standardeingabe lesen
cli-mail-test = Eine Probemail mit den gespeicherten Einstellungen schicken

cli-schedule-about = Richtet die Erneuerung zweimal am Tag ein (systemd-Timer oder cron)
cli-schedule-remove = Die eingerichtete Erneuerung wieder entfernen
cli-schedule-yes = Ersetzen, was eine ältere Version oder ein verschobenes Programm hinterlassen hat, ohne nachzufragen

cli-notify-failure-about = Meldet per Mail, dass die geplante Erneuerung fehlgeschlagen ist (der OnFailure-Dienst des Timers und der cron-Eintrag rufen es auf)

cli-value-dir = VERZEICHNIS
cli-value-file = DATEI
cli-value-lang = SPRACHE
cli-value-host-port = HOST:PORT
cli-value-seconds = SEKUNDEN
cli-value-port = PORT
cli-value-url = URL
cli-value-pem = PEM
cli-value-name = NAME
cli-value-addr = ADRESSE
cli-value-cmd = BEFEHL
cli-value-days = TAGE
cli-value-format = FORMAT
cli-value-host = SERVER
cli-value-user = BENUTZER
cli-value-security = ART

cli-error-unknown-argument = praxis-tls kennt { $arg } nicht.
cli-error-unknown-command = praxis-tls hat keinen Befehl { $command }.
cli-error-invalid-value = „{ $value }“ ist kein gültiger Wert für { $arg }.
cli-error-value-missing = { $arg } braucht einen Wert.
cli-error-missing = Es fehlt: { $args }.
cli-error-missing-command = Es fehlt ein Befehl.
cli-error-conflict = { $arg } geht nicht zusammen mit { $other }.
cli-error-other = Diese Befehlszeile versteht praxis-tls nicht.
cli-error-see-help = Was möglich ist, zeigt: { $help }

## Die Abschnitte der Handbuchseite (man), in Grossbuchstaben wie dort üblich.

cli-man-name = BEZEICHNUNG
cli-man-synopsis = ÜBERSICHT
cli-man-description = BESCHREIBUNG
cli-man-version = VERSION
cli-man-manual = Handbuch zu praxis-tls
