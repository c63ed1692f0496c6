## Keeping the certificate valid: expiry status, renewal, schedule, mails, support report

## Status ("praxis-tls status")

status-none = Es ist noch kein Zertifikat eingerichtet. Richten Sie zuerst mit dem Assistenten ein Zertifikat ein.
status-ok = Das Zertifikat für { $domain } ist in Ordnung: noch { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    } gültig (bis { $date }).
status-warning = Das Zertifikat für { $domain } läuft bald ab: noch { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    } gültig (bis { $date }). Normalerweise wird es automatisch erneuert; bleibt diese Meldung mehrere Tage, wenden Sie sich an Ihre IT-Betreuung.
status-critical = Dringend: Das Zertifikat für { $domain } ist nur noch { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    } gültig (bis { $date }). Danach zeigen die Browser Ihrer Patientinnen und Patienten eine Warnung. Bitte wenden Sie sich heute an Ihre IT-Betreuung.
status-expired = Das Zertifikat für { $domain } ist am { $date } abgelaufen. Die Terminbuchung zeigt jetzt eine Sicherheitswarnung. Bitte wenden Sie sich sofort an Ihre IT-Betreuung.
status-file-missing = Die Zertifikatsdatei für { $domain } fehlt ({ $path }). Ohne sie kann der Termindienst nicht sicher erreichbar sein. Bitte wenden Sie sich an Ihre IT-Betreuung.
status-file-unreadable = Die Zertifikatsdatei für { $domain } ({ $path }) kann nicht gelesen werden: { $detail }. Bitte wenden Sie sich an Ihre IT-Betreuung.
status-file-different = Die Zertifikatsdatei für { $domain } ({ $path }) ist nicht mehr die, die dieses Programm eingerichtet hat. Jemand hat sie ersetzt. Klären Sie mit Ihrer IT-Betreuung, welches Zertifikat gelten soll.
status-renewal-due = Die Erneuerung ist fällig (seit { $date }) und wird beim nächsten täglichen Lauf versucht.
status-renewal-ari = Geplante Erneuerung: ab { $date }, wie es die Zertifizierungsstelle empfiehlt.
status-renewal-two-thirds = Geplante Erneuerung: ab { $date }, wenn zwei Drittel der Laufzeit vorbei sind.
status-renewal-before-expiry = Geplante Erneuerung: ab { $date }, 60 Tage vor Ablauf (ein Zertifikat des Praxis-Ausstellers, Praxis-CA).
## Renewal ("praxis-tls renew")

renew-nothing-installed = Es ist noch kein Zertifikat eingerichtet, es gibt nichts zu erneuern.
renew-not-due = Noch keine Erneuerung nötig. Nächste Prüfung: { $date }.
renew-due-ari = Das Zertifikat für { $domain } wird jetzt erneuert: Die Zertifizierungsstelle empfiehlt es.
renew-due-two-thirds = Das Zertifikat für { $domain } wird jetzt erneuert: Zwei Drittel seiner Laufzeit sind vorbei.
renew-due-expired = Das Zertifikat für { $domain } ist abgelaufen und wird jetzt erneuert.
renew-backoff = Das Zertifikat für { $domain } wird heute nicht noch einmal erneuert: Der letzte Versuch ist noch nicht lange genug her. Nächster Versuch frühestens { $date }.
renew-remind-first = Für { $domain } geht zuerst eine Erinnerung per E-Mail hinaus (geplant für { $date }): Vor der Erneuerung muss die Portweiterleitung im Router eingeschaltet werden.

## Mails

mail-renew-failed-subject = Zertifikat für { $domain } konnte nicht erneuert werden
mail-renew-failed-body = Guten Tag,

    Das Zertifikat für { $domain } konnte heute nicht erneuert werden. Es ist noch { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    } gültig.

    Grund: { $reason }

    Das Programm versucht es von selbst wieder, frühestens { $next }. Wenn das Problem bleibt, leiten Sie diese E-Mail bitte an Ihre IT-Betreuung weiter.
mail-reminder-subject = Bitte Portweiterleitung für { $domain } einschalten
mail-reminder-body = Guten Tag,

    Ab { $date } wird das Zertifikat für { $domain } erneuert. Dafür muss im Router die Weiterleitung von Port 80 zum Server eingeschaltet sein.

    Bitte schalten Sie die Weiterleitung vor diesem Zeitpunkt ein. Nach der Erneuerung können Sie sie wieder ausschalten.
mail-gateway-renewed-subject = Neues Zertifikat für Express Gateway ({ $domain })
mail-gateway-renewed-body = Guten Tag,

    Das Zertifikat für { $domain } wurde erneuert und gilt bis { $date }. Die Dateien liegen schon am richtigen Ort.

    Damit Express Gateway das neue Zertifikat verwendet, muss sein Dienst einmal aktualisiert werden. Das geht auf der Verwaltungsseite der Container (Portainer): „Stacks“ > „API-Stack“ > „express-gw“ > „Update“. Bis dahin zeigt das Gateway das bisherige Zertifikat.
mail-test-subject = Test-E-Mail von praxis-tls
mail-test-body = Guten Tag,

    Diese E-Mail zeigt, dass die Einstellungen für Benachrichtigungen funktionieren. Sie müssen nichts weiter tun.
mail-footer = Diese E-Mail wurde automatisch von praxis-tls auf Ihrem Praxisserver verschickt.
mail-error-address = „{ $address }“ ist keine gültige E-Mail-Adresse. Bitte prüfen Sie die Schreibweise.
mail-error-no-recipient = Es ist keine Empfängeradresse eingetragen. Tragen Sie mindestens eine E-Mail-Adresse ein.
mail-error-no-password = Für den Mailserver ist ein Benutzername eingetragen, aber kein Passwort gespeichert. Geben Sie das Passwort im Assistenten ein.
mail-error-plain-auth = Das Passwort würde unverschlüsselt zum Mailserver { $host } geschickt. Das lässt das Programm nicht zu. Wählen Sie eine verschlüsselte Verbindung (STARTTLS oder TLS).
mail-error-password-file = Die Datei mit dem Mail-Passwort ({ $path }) kann nicht gelesen oder geschrieben werden. Bitte wenden Sie sich an Ihre IT-Betreuung.
mail-error-build = Die E-Mail konnte nicht zusammengestellt werden. Bitte prüfen Sie Absender- und Empfängeradresse.
mail-error-connect = Der Mailserver { $host } (Port { $port }) ist nicht erreichbar. Prüfen Sie Servername und Port und ob der Server Verbindungen von hier annimmt.
mail-error-tls = Die verschlüsselte Verbindung zum Mailserver { $host } ist fehlgeschlagen. Prüfen Sie die Einstellung zur Verschlüsselung (STARTTLS oder TLS) und den Port.
mail-error-auth = Der Mailserver { $host } hat die Anmeldung abgelehnt. Prüfen Sie Benutzername und Passwort.
mail-error-rejected = Der Mailserver { $host } hat die E-Mail abgelehnt: { $detail }. Prüfen Sie Absender- und Empfängeradresse.

## Support report ("praxis-tls report")

report-written = Der Bericht für Ihre IT-Betreuung liegt in { $path }. Schlüssel und Passwörter sind nicht darin (entfernte Stellen: { $count }). Sie können die Datei per E-Mail weitergeben.
report-error-io = Der Bericht konnte nicht erstellt werden: { $path }: { $detail }.
cli-renew-gateway = Express Gateway ({ $domain }):
status-firewall-guard = Die Firewall hält Port { $port } zwischen den Erneuerungen geschlossen (Tabelle { $table }), weil die Weiterleitung von Port 80 im Router bleibt. „praxis-tls undo“ entfernt diese Tabelle.
status-undone = Am { $date } wurde die Einrichtung zurückgenommen (mit „praxis-tls undo“). Der Termindienst verwendet dieses Zertifikat nicht mehr. Starten Sie den Assistenten, um es wieder einzurichten.
