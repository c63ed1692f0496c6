### Erreichbarkeit von außen, der Prüf-Dienst für Let's Encrypt und die Firewall.

## Probe: Was antwortet, wenn man den Namen von außen aufruft?

reach-probe-ok = Der Server ist von außen erreichbar: Die Testdatei kam richtig an.
reach-probe-refused = Die Verbindung wurde abgewiesen. Die Anfrage kommt an, aber dort wartet kein Programm.
reach-probe-timeout = Keine Antwort. Die Anfrage bleibt unterwegs hängen, meist an einer fehlenden Portfreigabe im Router oder an einer Firewall.
reach-probe-unreachable = Die Adresse ist nicht erreichbar. Es gibt keinen Weg zu ihr.
reach-probe-router-page = Es antwortet der Router selbst ({ $vendor }), nicht dieser Server. Die Portfreigabe für Port 80 fehlt, oder die Fernwartung des Routers belegt Port 80.
reach-probe-https-redirect = Die Anfrage wird auf HTTPS umgeleitet ({ $location }). Dort liegt die Testdatei nicht, deshalb schlägt die Prüfung fehl.
reach-probe-traefik = Es antwortet der Vermittler von Elexis-OOB (Traefik). Die Portfreigabe im Router führt auf Port 80 statt auf den Prüf-Port.
reach-probe-other = Es antwortet ein anderer Webserver (Status { $status }, Server { $server }), nicht der Prüf-Dienst.
reach-probe-inside-untestable = Von innen nicht prüfbar: Die Testdatei kam über die öffentliche Adresse nicht an. Von hier aus sehen eine fehlende, eine falsche und eine richtige Portfreigabe gleich aus, denn viele Router schicken Anfragen an die eigene Adresse nicht ins Praxisnetz zurück (das ist kein Fehler).

## Was zu tun ist

reach-fix-forward = Richten Sie im Router eine Portfreigabe ein: von außen TCP-Port 80 auf diesen Server, Port { $port } ({ router-menu-forward }).
reach-fix-forward-firewall = Prüfen Sie die Portfreigabe im Router (von außen Port 80 auf diesen Server, Port { $port }; { router-menu-forward }) und ob eine Firewall dazwischen den Port sperrt.
reach-fix-router-page = Richten Sie die Portfreigabe ein: von außen Port 80 auf diesen Server, Port { $port } ({ router-menu-forward }). Falls die Fernwartung des Routers Port 80 benutzt, stellen Sie diese auf einen anderen Port um oder schalten Sie sie aus.
reach-fix-forward-traefik = Ändern Sie die Portfreigabe im Router: von außen Port 80 muss auf diesen Server, Port { $port } zeigen, nicht auf Port 80 ({ router-menu-forward }).
reach-fix-test-outside = Prüfen Sie die Portfreigabe im Router: von außen Port 80 auf diesen Server, Port { $port } (die Anleitung für Ihren Router steht in Schritt 5). Der eigentliche Test ist der Probelauf in Schritt 7 (Zertifikat): Dort prüft Let's Encrypt von außen, und ein Fehlschlag kostet nichts.
reach-fix-v4-forward = Prüfen Sie die Portfreigabe für Port 80 im Router ({ router-menu-forward }) und dass der Name auf die richtige Adresse zeigt.
reach-fix-v6-answered = Entfernen Sie beim Anbieter der Domain den IPv6-Adress-Eintrag (AAAA-Eintrag, { $address }), oder sorgen Sie dafür, dass auf dieser IPv6-Adresse an Port 80 nichts antwortet.

## Öffentliche Adresse und DNS

reach-public-cgnat = Ihr Internetanschluss hat keine eigene öffentliche IPv4-Adresse, nur eine mit anderen Kunden geteilte (DS-Lite oder CGNAT). So kann Let's Encrypt den Server nicht erreichen, und das Zertifikat kann auf diesem Weg nicht ausgestellt werden.
reach-public-wan-private = Der Router hat selbst nur eine private Adresse ({ $wan }). Vor ihm steht ein weiteres Gerät oder das Netz des Anbieters, das Anfragen von außen nicht weiterreicht.
reach-upnp-unread = Die eigene Adresse des Routers ließ sich nicht abfragen (UPnP). Das ist bei vielen Routern so und kein Fehler. { router-menu-upnp-status }
reach-fix-cgnat = Fragen Sie Ihren Internetanbieter nach einer öffentlichen IPv4-Adresse (oft „echte IPv4“ oder „Dual Stack“ genannt). Manche Anbieter stellen das kostenlos um.
reach-dns-a-missing = Für den Namen gibt es keinen Adress-Eintrag für IPv4 (A-Eintrag).
reach-dns-a-differs = Der Name zeigt auf { $dns }, Ihr Anschluss hat aber die Adresse { $public }.
reach-dns-a-extra = Der Name zeigt auf mehrere Adressen ({ $dns }). Let's Encrypt wählt eine davon aus und landet womöglich am falschen Ort.
reach-dns-a-matches = Der Name zeigt auf Ihren Anschluss ({ $public }).
reach-dns-a-matches-dynamic = Der Name zeigt im Moment auf Ihren Anschluss ({ $public }). Ihre Adresse wechselt aber ab und zu, dann stimmt der Eintrag nicht mehr.
reach-fix-a-set = Legen Sie beim Anbieter der Domain einen Adress-Eintrag (A-Eintrag) an, der auf { $public } zeigt.
reach-fix-a-change = Ändern Sie beim Anbieter der Domain den Adress-Eintrag (A-Eintrag) auf { $public }.
reach-fix-a-only = Lassen Sie beim Anbieter der Domain nur den Adress-Eintrag (A-Eintrag) mit { $public } stehen und löschen Sie die anderen.
reach-fix-dyndns = Richten Sie die automatische Adress-Meldung (DynDNS) im Router ein, damit der Eintrag der Adresse folgt ({ router-menu-dyndns }). Kann Ihr Router das nicht, übernimmt es ein kleines Programm auf diesem Server (ddclient).
reach-fix-dyndns-check = Die automatische Adress-Meldung (DynDNS) hat die neue Adresse noch nicht eingetragen. Prüfen Sie die Zugangsdaten im Router ({ router-menu-dyndns }) oder die Einstellungen des Programms auf diesem Server (ddclient).
## Was Let's Encrypt bei der Prüfung tun wird

reach-v6-ok = Let's Encrypt prüft über IPv6 ({ $address }), und dort kommt die Testdatei richtig an.
reach-v6-answered = Auf der IPv6-Adresse { $address } antwortet ein Webserver (Status { $status }, Server { $server }). Let's Encrypt fragt IPv6 zuerst und gibt sich mit dieser falschen Antwort zufrieden: Die Prüfung schlägt fehl.
reach-v6-fallback = Die IPv6-Adresse { $address } nimmt keine Verbindung an. Let's Encrypt weicht deshalb auf IPv4 aus, und dort klappt es. Das ist in Ordnung.
reach-v6-fallback-router = Der IPv6-Adress-Eintrag (AAAA-Eintrag) zeigt auf { $address }, meist die eigene Adresse des Routers (viele Router tragen sie mit der automatischen Adress-Meldung, DynDNS, ein). Der Router nimmt dort keine Verbindung an, Let's Encrypt weicht auf IPv4 aus, und dort klappt es. Das ist in Ordnung.
reach-v6-untested-server = Der IPv6-Adress-Eintrag (AAAA-Eintrag) zeigt auf diesen Server ({ $address }). Dort antwortet an Port 80 wahrscheinlich der Vermittler (Traefik), und Let's Encrypt fragt IPv6 zuerst. Das lässt sich von hier aus nicht prüfen.
reach-v6-untested-router = Der IPv6-Adress-Eintrag (AAAA-Eintrag) zeigt auf { $address }, nicht auf diesen Server; vermutlich der Router selbst. Die meisten Router lassen von außen kein IPv6 herein, dann weicht Let's Encrypt auf IPv4 aus. Von hier aus nicht prüfbar.
reach-v4-ok = Let's Encrypt erreicht den Server über IPv4 ({ $address }).
reach-v4-fails = Über IPv4 ({ $address }) kommt die Testdatei nicht an.
reach-v4-untested = Ob Let's Encrypt den Server über IPv4 ({ $address }) erreicht, ließ sich nicht prüfen.

## Der Prüf-Dienst (HTTP-01)

responder-port-reserved = Port { $port } gehört zu Elexis-OOB. Bitte einen anderen Port wählen.
responder-port-in-use = Port { $port } ist schon belegt, vom Programm { $program } (Prozess { $pid }).
responder-port-in-use-unknown = Port { $port } ist schon von einem anderen Programm belegt.
responder-bind-failed = Der Prüf-Dienst kann nicht auf { $address } starten: { $error }
responder-no-address = Der Prüf-Dienst hat keine Adresse, auf der er warten kann.
responder-invalid-token = Ungültiges Prüf-Kennzeichen von Let's Encrypt: { $token }

## Firewall auf diesem Server

firewall-plan-nftables = Die Firewall (nftables) öffnet Port { $port } für { $minutes } Minuten und schließt ihn danach von selbst wieder.
firewall-plan-nftables-foreign = Die Firewall (nftables) öffnet Port { $port } für { $minutes } Minuten, auch in den bestehenden Regeln ({ $chains }), und schließt ihn danach von selbst wieder.
firewall-plan-firewalld = Die Firewall (firewalld) öffnet Port { $port } für { $minutes } Minuten und schließt ihn danach von selbst wieder.
firewall-plan-ufw = Die Firewall (ufw) öffnet Port { $port }. Ein Zeitgeber entfernt die Regel nach { $minutes } Minuten wieder, auch wenn die Verbindung abbricht.
firewall-plan-iptables = Die Firewall (iptables) öffnet Port { $port }. Ein Zeitgeber entfernt die Regel nach { $minutes } Minuten wieder, auch wenn die Verbindung abbricht.
firewall-plan-none = Auf diesem Server ist keine Firewall aktiv. Port { $port } ist erreichbar, solange der Prüf-Dienst läuft (höchstens { $minutes } Minuten).
firewall-command-failed = Der Firewall-Befehl hat nicht geklappt: { $command } ({ $error })
