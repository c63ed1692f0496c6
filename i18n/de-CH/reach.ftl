### Swiss overlay: only the messages whose Swiss spelling differs (ss instead of sharp s).

reach-probe-ok = Der Server ist von aussen erreichbar: Die Testdatei kam richtig an.
reach-probe-inside-untestable = Von innen nicht prüfbar: Die Testdatei kam über die öffentliche Adresse nicht an. Von hier aus sehen eine fehlende, eine falsche und eine richtige Portfreigabe gleich aus, denn viele Router schicken Anfragen an die eigene Adresse nicht ins Praxisnetz zurück (das ist kein Fehler).
reach-fix-forward = Richten Sie im Router eine Portfreigabe ein: von aussen TCP-Port 80 auf diesen Server, Port { $port } ({ router-menu-forward }).
reach-fix-forward-firewall = Prüfen Sie die Portfreigabe im Router (von aussen Port 80 auf diesen Server, Port { $port }; { router-menu-forward }) und ob eine Firewall dazwischen den Port sperrt.
reach-fix-router-page = Richten Sie die Portfreigabe ein: von aussen Port 80 auf diesen Server, Port { $port } ({ router-menu-forward }). Falls die Fernwartung des Routers Port 80 benutzt, stellen Sie diese auf einen anderen Port um oder schalten Sie sie aus.
reach-fix-forward-traefik = Ändern Sie die Portfreigabe im Router: von aussen Port 80 muss auf diesen Server, Port { $port } zeigen, nicht auf Port 80 ({ router-menu-forward }).
reach-fix-test-outside = Prüfen Sie die Portfreigabe im Router: von aussen Port 80 auf diesen Server, Port { $port } (die Anleitung für Ihren Router steht in Schritt 5). Der eigentliche Test ist der Probelauf in Schritt 7 (Zertifikat): Dort prüft Let's Encrypt von aussen, und ein Fehlschlag kostet nichts.
reach-public-wan-private = Der Router hat selbst nur eine private Adresse ({ $wan }). Vor ihm steht ein weiteres Gerät oder das Netz des Anbieters, das Anfragen von aussen nicht weiterreicht.
reach-upnp-unread = Die eigene Adresse des Routers liess sich nicht abfragen (UPnP). Das ist bei vielen Routern so und kein Fehler. { router-menu-upnp-status }
reach-v6-untested-router = Der IPv6-Adress-Eintrag (AAAA-Eintrag) zeigt auf { $address }, nicht auf diesen Server; vermutlich der Router selbst. Die meisten Router lassen von aussen kein IPv6 herein, dann weicht Let's Encrypt auf IPv4 aus. Von hier aus nicht prüfbar.
reach-v4-untested = Ob Let's Encrypt den Server über IPv4 ({ $address }) erreicht, liess sich nicht prüfen.
firewall-plan-nftables = Die Firewall (nftables) öffnet Port { $port } für { $minutes } Minuten und schliesst ihn danach von selbst wieder.
firewall-plan-nftables-foreign = Die Firewall (nftables) öffnet Port { $port } für { $minutes } Minuten, auch in den bestehenden Regeln ({ $chains }), und schliesst ihn danach von selbst wieder.
firewall-plan-firewalld = Die Firewall (firewalld) öffnet Port { $port } für { $minutes } Minuten und schliesst ihn danach von selbst wieder.
reach-fix-cgnat = Fragen Sie Ihren Internetanbieter nach einer öffentlichen IPv4-Adresse (oft «echte IPv4» oder «Dual Stack» genannt). Manche Anbieter stellen das kostenlos um.
