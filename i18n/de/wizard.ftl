## Rahmen

## Die Taste, die auf deutschen Tastaturen «Strg» heißt.
-ctrl = Strg

app-title = praxis-tls
header-step = Schritt { $n } von { $total }
too-small = Das Fenster ist zu klein. Bitte mindestens 80 × 24 Zeichen (jetzt { $width } × { $height }).
error-persist = Der Zwischenstand konnte nicht gespeichert werden: { $reason }
more-below = ▼ Weiter unten mehr: Bild↓ oder { -ctrl }+N (zurück: Bild↑)
more-above = ▲ Weiter oben mehr: Bild↑ oder { -ctrl }+P
too-small-quit = Bitte vergrößern Sie das Fenster. Bis dahin wirkt keine Taste außer q oder { -ctrl }+C: Das beendet das Programm, Ihr Stand bleibt gespeichert.
status-manual = Von Hand bestätigt

## Tasten (Fußzeile)
key-next = Enter weiter
key-back = Esc zurück
key-help = F1/? Hilfe
key-lang = F2/L Sprache
key-quit = q beenden
key-help-input = F1/{ -ctrl }+G Hilfe
key-lang-input = F2/{ -ctrl }+L Sprache
key-quit-input = { -ctrl }+X beenden
key-toggle = Leertaste erledigt
key-override = F3/W trotzdem weiter
key-recheck = F5/R neu prüfen
key-detail = D Details
key-choose = ↑/↓ wählen
key-finish = Enter beenden
key-override-input = F3/{ -ctrl }+W trotzdem weiter
key-recheck-input = F5/{ -ctrl }+R neu prüfen
key-detail-input = { -ctrl }+D Details
key-read-on = Enter weiter lesen
key-dialog-yes = Enter/J Ja
key-dialog-no = Esc/N Nein
key-dialog-details = D Details
key-dialog-close = Esc/Enter schließen
key-dialog-confirm = Enter bestätigen
key-resume-close = Esc fortfahren
key-page-down = Bild↓/{ -ctrl }+N weiter unten
key-page-up = Bild↑/{ -ctrl }+P weiter oben

## Prüfungen
check-installation = Elexis-OOB-Installation
check-delegation = Domain registriert
check-dns-a = IPv4-Adresse (A)
check-dns-aaaa = IPv6-Adresse (AAAA)
check-dns-cname = Weiterleitung (CNAME)
check-dns-caa = Erlaubte Zertifizierungsstellen (CAA)
check-running = wird geprüft …
check-idle = noch nicht geprüft
check-label-fix = Was tun:
check-label-detail = Technisch:

## Zustand des Weiter-Knopfs
gate-open = Alles in Ordnung. Mit Enter geht es weiter.
gate-open-warning = Mit Enter geht es weiter. Lesen Sie vorher den Hinweis oben (mit ! markiert).
input-required = Bitte eingeben: Das Feld oben ist noch leer.
gate-waiting = Die Prüfungen laufen noch. Bitte einen Moment Geduld.
gate-blocked = Bitte zuerst die markierten Punkte erledigen.
gate-overridable = Eine Prüfung ist fehlgeschlagen. Wenn Sie sicher sind, dass alles stimmt: F3 oder W = trotzdem weiter.
gate-overridable-input = Eine Prüfung ist fehlgeschlagen. Wenn Sie sicher sind, dass alles stimmt: F3 oder { -ctrl }+W = trotzdem weiter.
gate-manual = Wenn Sie alles erledigt haben: Leertaste, dann Enter.
gate-manual-input = Im Feld „Server“ sendet Enter (mit Warnung). Alles von Hand erledigt? Dann Tab, Leertaste, Enter.
gate-overridden = Sie haben diese Prüfung übergangen („trotzdem weiter“).

## Schritte: kurze Namen für die Seitenleiste
language-name = Sprache
start-name = Start
domain-name = Domain
dns-name = DNS
ports-name = Portfreigabe
firewall-name = Firewall
certificate-name = Zertifikat
install-name = Installieren
proxy-name = Vermittler
restart-name = Neustart
final-name = Schlusstest
done-name = Fertig

## 1 Sprache
language-title = Sprache wählen
language-body = Willkommen! Dieses Programm führt Sie Schritt für Schritt dazu, dass Ihre Patientinnen und Patienten Termine sicher über https://termine.… buchen können. Sie können jederzeit aufhören: beim nächsten Start geht es dort weiter, wo Sie waren.
language-prompt = In welcher Sprache möchten Sie arbeiten?
language-de = Deutsch
language-de-CH = Deutsch (Schweiz)
language-en = English

## 2 Start
start-title = Elexis-OOB finden
start-body = Geben Sie das Verzeichnis an, in dem Elexis-OOB installiert ist (dort liegt die Datei docker-compose.yml oder docker-compose.yaml). Gefundene Verzeichnisse wählen Sie mit ↑/↓.
start-input-label = Verzeichnis:
start-candidates = Gefunden:
start-candidates-none = Kein Elexis-OOB-Verzeichnis gefunden. Bitte Pfad eintippen.
start-generation = Generation:
start-generation-legacy = ältere Version (Traefik 1, traefik.toml)
start-generation-current = aktuelle Version (Traefik 2 oder neuer)
start-local-name = Interner Name (LOCAL_NAME):
start-external-name = Externer Name (EXTERNAL_NAME):
start-name-unknown = nicht gesetzt
start-found-legacy = Ältere Elexis-OOB-Version gefunden in { $dir }
start-found-current = Aktuelle Elexis-OOB-Version gefunden in { $dir }
start-fix-path = Prüfen Sie den Pfad. Wenn Sie dieses Programm nicht auf dem Elexis-Server ausführen, können Sie mit „trotzdem weiter“ fortfahren.

## 3 Domain
domain-title = Internet-Adresse des Termindienstes
domain-body = Unter welchem Namen sollen Patienten den Termindienst finden? Üblich ist termine. gefolgt von Ihrer Domain, zum Beispiel termine.meine-praxis.ch. Die Domain (den Namen Ihrer Praxis im Internet) müssen Sie bei einem Domain-Anbieter (Registrar) gekauft haben.
domain-input-label = Name:
domain-kept = Verwendet wird:
domain-ascii = Im Internet geschrieben:
domain-registered = Registrierte Domain:

## 4 DNS
dns-title = DNS-Einträge prüfen
dns-body = Der Name { $domain } muss auf die Internet-Adresse Ihrer Praxis zeigen: bei fester Adresse über einen Adress-Eintrag (A-Eintrag) beim Domain-Anbieter, sonst meldet der Router sie selbst (automatische Adress-Meldung, DynDNS; { router-menu-dyndns }). Änderungen brauchen einige Minuten (F5 = neu prüfen).

## 5–11 Schritte, die Sie heute noch von Hand erledigen
manual-note = Dieses Programm läuft nicht auf dem Elexis-OOB-Server und kann diesen Schritt deshalb nicht selbst erledigen. Erledigen Sie ihn wie beschrieben und bestätigen Sie mit der Leertaste.
manual-confirm = [ ] Erledigt
manual-confirmed = [x] Erledigt (von Hand bestätigt)

ports-title = Portfreigaben im Router
ports-body =
    Richten Sie im Router zwei Portfreigaben (TCP) auf diesen Server ein:
      aus dem Internet Port 443 → Port 443 (der Termindienst)
      aus dem Internet Port 80, nur IPv4 → Port { $port } (antwortet nur beim Ausstellen)
    Nie „Exposed Host“ oder automatische Freigaben (UPnP) für diesen Server (F1 erklärt es).
firewall-title = Firewall des Servers
firewall-body =
    Die Firewall dieses Servers bleibt eingeschaltet. Für die Prüfung und die Ausstellung des Zertifikats öffnet das Programm nur Port { $port }, und nur für 15 Minuten: danach schließt er sich von selbst, auch wenn die Verbindung abbricht.
certificate-title = Zertifikat beziehen
install-title = Zertifikat und Schlüssel ablegen
install-body =
    Zertifikat (samt Kette, fullchain) und Schlüssel gehören in einen Ordner, den nur der Verwalter (root) lesen kann.
    Den Ordner legt Ihre IT-Betreuung mit diesem Befehl an:
    sudo install -d -m 0700 /var/lib/praxis-tls/certs
    Nicht in die Datenablage (Volume) webelexisdata: Die liest auch der Termindienst im Internet.

proxy-title = Vermittler (Traefik) einrichten
proxy-body =
    Der Vermittler (Proxy, hier Traefik) muss das Zertifikat für { $domain } verwenden und auf Port 443 nur den Termindienst zeigen. Das richtet Ihre IT-Betreuung so ein:
    Ältere Version: In traefik.toml am Ende den Block [[entryPoints.https.tls.certificates]] mit certFile und keyFile aktivieren.
    Aktuelle Version: eine Datei docker-compose.override.yml mit einem https-Router für { $domain }.
    Sichern Sie jede Datei, bevor Sie sie ändern.

restart-title = Elexis-OOB neu starten
restart-body =
    Ihre IT-Betreuung gibt im Ordner { $dir } diese zwei Befehle ein (erst anhalten, dann starten):
    docker-compose stop
    docker-compose up -d
    (Der Befehl „restart“ allein übernimmt geänderte Einstellungen nicht.)

final-title = Schlusstest aus Sicht der Patienten
final-body =
    Öffnen Sie auf Ihrem Mobiltelefon mit ausgeschaltetem WLAN die Adresse https://{ $domain }
    Das Schloss muss erscheinen, ohne Warnung. Versuchen Sie auch https://webelexis.{ $registered } – das darf nicht funktionieren.

## 12 Fertig
done-title = Geschafft
done-body = Der Termindienst ist eingerichtet. Was das Programm geändert hat, lässt sich mit „praxis-tls undo“ rückgängig machen.
done-domain = Adresse:
done-dir = Elexis-OOB:
done-overrides = Übergangene Prüfungen: { $count }
done-renew = Let's-Encrypt-Zertifikate gelten höchstens 90 Tage. Ab 2027 gelten sie nur noch 64 Tage, ab 2028 nur noch 45 Tage. Let's Encrypt schickt keine Erinnerung mehr. Der Server erneuert die Zertifikate deshalb ab jetzt selbst: Er prüft zweimal am Tag, ob es Zeit ist.

## Dialoge
help-title = Hilfe
help-keys = Tasten: Enter = weiter, Esc = zurück, F1 oder ? = diese Hilfe, F2 oder L = Sprache wechseln, q = beenden. Langen Text blättern: Bild↓ und Bild↑ oder { -ctrl }+N und { -ctrl }+P.
    In Eingabefeldern tippen die Buchstaben. Dort gelten: F1/{ -ctrl }+G Hilfe, F2/{ -ctrl }+L Sprache, F3/{ -ctrl }+W trotzdem weiter, F5/{ -ctrl }+R neu prüfen, { -ctrl }+D Details, F10/{ -ctrl }+X beenden.
    Funktionstasten (F1 bis F10) funktionieren nicht in jedem Programm, zum Beispiel nicht immer in PuTTY: Dann nehmen Sie die Buchstaben oder die Ctrl-Tasten. Die Zeilen ganz unten nennen immer die Tasten, die gerade wirken.
help-close = Esc oder Enter schließt die Hilfe.
help-resume = Sie können jederzeit beenden: Der Stand wird nach jedem Schritt gespeichert.

quit-title = Beenden?
quit-question = Das Programm jetzt beenden?
quit-body = Ihr Stand ist gespeichert. Beim nächsten Start können Sie hier weitermachen.

resume-title = Willkommen zurück
resume-body = Sie waren bei Schritt { $n }: { $name }.
resume-continue = Fortfahren
resume-restart = Neu beginnen
resume-choose-hint = ↑/↓ wählen, Enter bestätigen, Esc: fortfahren
start-over-title = Neu beginnen?
start-over-body =
    Sie gehen alle Schritte noch einmal von vorn durch und geben alles neu ein.
    Erhalten bleibt, was schon eingerichtet ist:
    • die schon installierten Dateien und das Zertifikat, das gerade gilt („praxis-tls status“ zeigt es weiter),
    • das Protokoll der Änderungen: „praxis-tls undo“ kann sie weiter zurücknehmen,
    • die bisherigen Versuche bei Let's Encrypt: Sie zählen weiter für dessen Grenzen (zum Beispiel höchstens 5 Fehlversuche pro Stunde).
start-over-question = Wirklich alle Schritte von vorn beginnen?
start-over-keys =
    Enter oder J: Ja, neu beginnen
    Esc oder N: Nein, zurück

pending-title = Unterbrochene Änderung
pending-body = Beim letzten Mal wurde eine Änderung begonnen, aber nicht abgeschlossen:
pending-finish = Abschließen
pending-undo = Rückgängig machen
pending-window-title = Port noch offen
pending-window-body = Beim letzten Mal hat das Programm in der Firewall Port { $port } geöffnet, damit Let's Encrypt das Zertifikat prüfen kann. Er ist noch offen. Geschlossen ist sicherer: Das Programm öffnet ihn von selbst wieder, wenn das Zertifikat ihn braucht.
pending-window-keep = Offen lassen
pending-window-close = Schließen (empfohlen)
pending-done = Die unterbrochene Änderung wurde bereinigt.
pending-failed = Die unterbrochene Änderung konnte nicht bereinigt werden. Details stehen im Protokoll.

override-title = Trotzdem weiter?
override-body = Die Prüfung ist fehlgeschlagen. Fahren Sie nur fort, wenn Sie sicher sind (zum Beispiel mit Ihrer IT-Betreuung am Telefon). Ihre Entscheidung wird festgehalten.

dialog-yes-no = Enter oder J: Ja     Esc oder N: Nein
dialog-details-show = D: Details anzeigen (die genauen Befehle)
dialog-details-hide = D oder Esc: Details ausblenden
dialog-choose-hint = ↑/↓ wählen, Enter bestätigen

journal-change-file = Datei { $path } geschrieben
journal-change-firewall = Firewall-Fenster für Port { $port } geöffnet
journal-change-command = Befehl ausgeführt: { $command }

## Portfreigaben und Firewall
ports-policy-title = Port 80 zwischen den Erneuerungen (↑/↓):
ports-policy-permanent = Freigabe bleibt (empfohlen: Erneuerung läuft allein)
ports-policy-ondemand = Freigabe von Hand schalten (Erinnerung per E-Mail)
ports-plan-title = Internet-Adresse (←/→):
ports-plan-unknown = bitte wählen
ports-plan-static = fest (vom Anbieter zugeteilt)
ports-plan-dyndns = wechselnd, wird automatisch gemeldet (DynDNS)
ports-plan-dynamic = wechselnd, wird noch nicht gemeldet (ohne DynDNS)
ports-confirm = Beide Freigaben sind eingerichtet (Leertaste)
ports-public-unknown = Die öffentliche Adresse dieses Servers ließ sich nicht feststellen.
ports-public-unknown-fix = Prüfen Sie, ob der Server ins Internet kommt. Der nächste Schritt prüft die Erreichbarkeit direkt.
firewall-commands = Diese Befehle öffnen den Port:
firewall-open-hint = Drücken Sie O (oder F4), um Port und Prüfung zu starten.
firewall-window-open = Port geöffnet; er schließt sich in { $minutes } Minuten von selbst.
firewall-open-failed-fix = Die Firewall wurde nicht geändert. Zeigen Sie die Meldung Ihrer IT-Betreuung (D zeigt Einzelheiten).
firewall-back-to-dns = Gehen Sie zurück zum Schritt DNS und tragen Sie die Adresse ein.
firewall-probe-failed-fix = Beenden Sie das Programm, das den Port belegt, oder wählen Sie mit --responder-port einen anderen Port (und passen Sie die Freigabe im Router an).
firewall-confirm-title = Port öffnen?
firewall-confirm-question = Port { $port } jetzt für { $minutes } Minuten öffnen?
firewall-confirm-commands = Die Befehle, die das Programm dafür ausführt:
firewall-confirm-body = Damit Let's Encrypt diesen Server prüfen kann, öffnet das Programm in der Firewall Port { $port }, nur für { $minutes } Minuten. Danach schließt er sich von selbst, auch wenn die Verbindung abbricht. Die Änderung wird festgehalten; „praxis-tls undo“ nimmt sie zurück.
check-public-ip = Öffentliche Adresse
check-firewall = Firewall
check-reachability = Erreichbar aus dem Internet
check-ipv6-path = IPv6 und Let's Encrypt
key-open = F4/O Port öffnen
key-choose-ports = ↑/↓ ←/→ wählen

firewall-commands-hidden = D zeigt die Befehle, die den Port öffnen.

## Zertifikat
check-dry-run = Probelauf (Testumgebung)
check-certificate = Zertifikat
cert-source-title = Woher kommt das Zertifikat? (↑/↓)
cert-choice-letsencrypt = Let's Encrypt (kostenlos, von allen Browsern anerkannt; empfohlen)
cert-choice-own = Ein eigenes Zertifikat der Praxis (Datei)
cert-choice-self-signed = Selbst signiert (Notlösung: Browser zeigen eine Warnung)
cert-email = E-Mail für Let's Encrypt:
cert-letsencrypt-how = Zuerst ein Probelauf in der Testumgebung, dann das echte Zertifikat. Enter startet.
cert-own-cert = Zertifikat (PEM oder .p12):
cert-own-key = Schlüssel (leer bei .p12):
cert-own-passphrase = Passwort (falls nötig):
cert-own-how = Tab wechselt das Feld, Enter prüft und übernimmt die Dateien.
cert-name = Name:
cert-issuer = Ausgestellt von:
cert-until = Gültig bis:
cert-run-dry = Probelauf
cert-run-real = Zertifikat
cert-confirm-title = Zertifikat beziehen?
cert-confirm-dry = Mit „Ja“ stimmen Sie den Nutzungsbedingungen von Let's Encrypt zu. Das Wichtigste darin: Sie beantragen Zertifikate nur für Namen, die Ihrer Praxis gehören, und melden es Let's Encrypt, falls der Schlüssel in fremde Hände gerät. Den ganzen Text (auf Englisch) finden Sie unter { $url }. Danach startet der Probelauf; klappt er, folgt gleich das echte Zertifikat.
cert-confirm-real = Mit „Ja“ stimmen Sie den Nutzungsbedingungen von Let's Encrypt zu. Das Wichtigste darin: Sie beantragen Zertifikate nur für Namen, die Ihrer Praxis gehören, und melden es Let's Encrypt, falls der Schlüssel in fremde Hände gerät. Den ganzen Text (auf Englisch) finden Sie unter { $url }. Danach bezieht das Programm das echte Zertifikat.
cert-confirm-budget = Der letzte Versuch ist fehlgeschlagen. Let's Encrypt erlaubt in dieser Stunde noch { $failures } Fehlversuche und diese Woche noch { $duplicates } Zertifikate für diesen Namen.
cert-confirm-self-signed = Ein selbst signiertes Zertifikat verschlüsselt die Verbindung, aber jeder Browser zeigt Ihren Patienten eine Warnung. Nur als Notlösung, bis ein richtiges Zertifikat da ist.
cert-confirm-self-signed-question = Trotzdem ein selbst signiertes Zertifikat erstellen?
cert-dry-run-ok = Der Probelauf hat geklappt: Let's Encrypt erreicht diesen Server.
cert-ready = Ausgestellt von { $issuer }, gültig bis { $until } (noch { $days } Tage).
cert-self-signed-failed = Das selbst signierte Zertifikat ließ sich nicht erstellen.
cert-gate-start = Enter startet die Ausstellung.
key-field = Tab Feld
key-issue = Enter ausstellen
key-write = Enter schreiben
key-restart = Enter neu starten

done-files = Zertifikat:
done-files-dir = im Ordner
done-security-title = Zur Sicherheit
done-security =
    Am sichersten läuft der Termindienst auf einem eigenen Rechner oder einer virtuellen Maschine, getrennt vom Praxisnetz, und greift auf die Datenbank nur mit einem eigenen, eng begrenzten Benutzer zu. Ihre IT-Betreuung richtet ihn so ein (Passwort selbst wählen):
      CREATE USER '{ $user }'@'{ $host }' IDENTIFIED BY '…';
      GRANT SELECT, INSERT, UPDATE ON elexis.AGNTERMINE TO '{ $user }'@'{ $host }';
      GRANT SELECT ON elexis.KONTAKT TO '{ $user }'@'{ $host }';
    DELETE und DROP braucht der Termindienst nie.
