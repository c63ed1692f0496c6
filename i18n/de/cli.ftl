cli-see-log = Einzelheiten stehen im Protokoll: { $path }
cli-no-terminal = Das Programm braucht ein Terminal (zum Beispiel eine SSH-Sitzung): { $reason }
cli-undo-nothing = Es gibt nichts rückgängig zu machen.
cli-undo-list = Diese Änderungen werden rückgängig gemacht, die neueste zuerst:
cli-undo-done = { $count } Änderung(en) rückgängig gemacht.
cli-state-unreadable = Der gespeicherte Stand { $path } kann nicht gelesen werden: { $detail }
cli-env-staging = Probelauf
cli-env-production = Let's Encrypt
cli-refused-once-per-day = Heute gab es schon einen Versuch für { $domain }. Ohne Rückfrage versucht das Programm höchstens einmal am Tag ein echtes Zertifikat zu holen, damit die Sperren von Let's Encrypt nicht greifen. Nächster Versuch ab { $until }.
cli-refused-failed-authz = Für { $domain } sind in der letzten Stunde zu viele Prüfungen gescheitert; Let's Encrypt würde weitere ablehnen. Nächster Versuch ab { $until }.
cli-refused-duplicates = Für { $domain } wurden diese Woche schon fünf Zertifikate ausgestellt, mehr lässt Let's Encrypt nicht zu. Nächster Versuch ab { $until }.
cli-refused-per-domain = Für die Domain von { $domain } wurden diese Woche schon 50 Zertifikate ausgestellt, mehr lässt Let's Encrypt nicht zu. Nächster Versuch ab { $until }.
cli-cert-failed = { $env }: Das Zertifikat konnte nicht ausgestellt werden.
cli-cert-dry-run-done = Der Probelauf für { $domain } ist schon gelungen; jetzt gleich das echte Zertifikat.
cli-cert-stage = { $env }: { $stage } …
cli-cert-order = { $env }: Auftrag { $url }
cli-cert-order-resumed = { $env }: Auftrag { $url } wird fortgesetzt
cli-cert-authz-reused = { $env }: { $domain } ist schon bestätigt, keine neue Prüfung nötig.
cli-cert-issued = { $env }: Zertifikat gespeichert in { $path }
cli-cert-bad-domain = „{ $domain }“ ist kein gültiger Name für ein Zertifikat:
cli-firewall-none = Keine aktive Firewall gefunden: Es muss nichts geöffnet werden.
cli-firewall-journal = Firewall: Port { $port } für die Zertifikatsausstellung geöffnet ({ $backend })
cli-firewall-opened = Die Firewall lässt Port { $port } jetzt für höchstens { $minutes } Minuten durch.
cli-firewall-closed = Die Firewall ist wieder geschlossen.
cli-firewall-close-failed = Die Firewall konnte nicht geschlossen werden; die Freigabe läuft nach ihrer Frist von selbst ab.
cli-renew-install-pending = Das neue Zertifikat liegt in { $path }. Es ist keine Elexis-OOB-Installation vermerkt (Schritt Start des Assistenten), darum geschieht das Einspielen in den Proxy noch nicht automatisch.
cli-renew-done = Das Zertifikat für { $domain } ist erneuert und gültig bis { $until }.
cli-report-failed = Der Bericht kann nicht nach { $path } geschrieben werden: { $detail }
cli-check-no-domain = Welcher Name soll geprüft werden? Bitte mit --domain angeben oder zuerst den Assistenten bis zum Schritt Domain durchgehen.
cli-check-title = Prüfungen für { $domain } (es wird nichts verändert):

## Live schalten ohne Rückfragen (renew, certificate --install)
cli-golive-failed = Das Live-Schalten ist nicht möglich: { $detail }
cli-golive-installed = Das neue Zertifikat ist für den Proxy eingespielt ({ $path }).
cli-golive-reload = Der Proxy übernimmt das neue Zertifikat von selbst; kein Neustart nötig.
cli-golive-restarting = Elexis-OOB wird neu gestartet, damit der Proxy die neuen Einstellungen verwendet …
cli-golive-checking = Schlusstest: Was Patienten unter https://{ $domain } sehen, an jeder Adresse des Namens …
cli-golive-live = Fertig: { $domain } zeigt an jeder Adresse das neue Zertifikat.
cli-golive-not-checkable = Das neue Zertifikat für { $domain } ist eingespielt, aber von diesem Server aus ist keine Adresse des Namens erreichbar (weder vor noch nach der Änderung). Bitte https://{ $domain } von außen prüfen, zum Beispiel auf dem Handy ohne WLAN.
cli-golive-undoing = Der Schlusstest ist fehlgeschlagen: Die Änderungen dieses Laufs werden zurückgenommen, das bisherige Zertifikat bleibt in Gebrauch.
cli-golive-undo-failed = Eine Änderung konnte nicht zurückgenommen werden; „praxis-tls undo“ zeigt, was übrig ist.
cli-golive-no-address = Die Adresse von { $domain } ist für den Schlusstest nicht zu finden. Bitte mit --final-address angeben.
cli-golive-no-installation = Es ist keine Elexis-OOB-Installation vermerkt, darum kann das Zertifikat nicht eingespielt werden. Bitte zuerst den Assistenten bis nach dem Schritt Start durchgehen (er findet die Installation).
cli-renew-golive-failed = Das erneuerte Zertifikat für { $domain } konnte nicht live geschaltet werden; das bisherige ist weiter in Gebrauch.
cli-renew-backoff-reason = Der letzte Versuch, das Zertifikat für { $domain } zu erneuern, ist fehlgeschlagen; das Programm wartet, bevor es es wieder versucht.
cli-renew-failed-code = Die Erneuerung endete mit Fehlercode { $code }; die Einzelheiten stehen im Protokoll.

## Mail-Einstellungen (praxis-tls mail)
cli-mail-saved = Die Mail-Einstellungen sind in { $path } gespeichert (ohne das Passwort).
cli-mail-settings-unreadable = Die Mail-Einstellungen { $path } können nicht gelesen werden: { $detail }
cli-mail-settings-unwritable = Die Mail-Einstellungen können nicht nach { $path } gespeichert werden: { $detail }
cli-mail-password-stdin = Von der Standardeingabe konnte kein Passwort gelesen werden ({ $detail }).
cli-mail-no-password = Ein Benutzername ist angegeben, aber kein Passwort gespeichert: bitte mit --password-stdin angeben.
cli-mail-failed = Über { $host } kann keine Mail gesendet werden: { $detail }
cli-mail-sent = Eine Mail dazu ist verschickt.
cli-mail-not-configured = Es sind keine Mail-Einstellungen gespeichert, darum ging keine Mail hinaus (einrichten mit „praxis-tls mail“).
cli-mail-not-sent = Die Mail konnte nicht gesendet werden:
cli-mail-test-sent = Die Test-Mail ist an { $to } verschickt.

## Automatische Erneuerung (praxis-tls schedule)
cli-schedule-no-binary = Der eigene Pfad des Programms ist nicht zu finden: { $detail }
cli-schedule-wrote = Geschrieben: { $path }
cli-schedule-unchanged = Die automatische Erneuerung ist schon so eingerichtet, wie sie sein soll; nichts geändert.
cli-schedule-none = Keine von praxis-tls eingerichtete automatische Erneuerung gefunden.
cli-schedule-removed = Entfernt: { $path }
cli-schedule-changed = { $path } wurde seither von jemand anderem geändert und bleibt, wie es ist.
cli-generate-failed = In { $path } lässt sich nicht schreiben: { $detail }
cli-firewall-guard-kept = Die Firewall-Tabelle bleibt und hält Port { $port } bis zur nächsten Erneuerung geschlossen, weil die Weiterleitung von Port 80 im Router bleibt.
