## Portfreigaben: der Server im Praxisnetz und die Anleitung für den Router.
## Jede Anleitung nennt den Softwarestand, für den sie geschrieben ist.
## Ohne scharfes s und ohne deutsche Anführungszeichen: so gilt der Text auch für de-CH.

ports-lan = Dieser Server im Praxisnetz: Adresse { $lan }, Gerätename { $device }
ports-lan-unknown = Dieser Server im Praxisnetz: Gerätename { $device } (die Adresse zeigt der Router in seiner Liste der Geräte)

router-seen-upnp = Erkannt: Ihr Router meldet sich als { $name }.
router-seen-page = Erkannt an der Startseite Ihres Routers: { $name }.
router-seen-provider = Erkannt am Namen Ihres Anschlusses ({ $name }): Dieser Anbieter liefert meist diesen Router. Steht bei Ihnen ein anderer, gilt dessen Anleitung.
router-seen-unknown = Gesehen wurde der Router { $name }. Für ihn gibt es hier keine eigene Anleitung, darum folgt die allgemeine.
router-seen-nothing = Ihr Router hat sich nicht zu erkennen gegeben, darum folgt die allgemeine Anleitung.
router-seen-asking = Der Router wird gerade gefragt, welches Modell er ist; bis dahin gilt die allgemeine Anleitung.
router-detail = Technisch, für die IT-Betreuung: Router { $gateway }; UPnP: { $upnp }; Titel der Startseite: { $page }; PTR der öffentlichen Adresse: { $ptr }

router-generic-title = So geht es bei den meisten Routern:
router-generic-forward = Portfreigabe: Im Menü des Routers nennt sie sich Portfreigabe, Port-Weiterleitung, NAT oder Virtuelle Server. Als Ziel diesen Server eintragen: { $target }, Protokoll TCP.
router-generic-dyndns = Name mit wechselnder Adresse (DynDNS): meist im Menü Internet oder Netzwerk. Kann der Router es nicht, übernimmt ein kleines Programm auf diesem Server die Aufgabe (ddclient).
router-generic-ipv6 = Neue Internet-Adressen (IPv6): Viele Router lassen aus dem Internet kein IPv6 herein. Das ist in Ordnung: Let's Encrypt prüft dann über IPv4. Port 80 nur für IPv4 freigeben.

router-fritzbox-title = So geht es bei der FRITZ!Box (beschrieben für FRITZ!OS 7 und 8; im Browser http://fritz.box öffnen):
router-fritzbox-forward = Portfreigabe: Internet > Freigaben > Portfreigaben > Gerät für Freigaben hinzufügen, den Server { $device } wählen, dann Neue Freigabe > Portfreigabe, Protokoll TCP. Port an Gerät ist der Port auf dem Server, Port extern gewünscht der Port im Internet. (FRITZ!OS 6: Neue Portfreigabe im selben Menü.)
router-fritzbox-dyndns = Name mit wechselnder Adresse (DynDNS): Internet > Freigaben > DynDNS, dort die Angaben Ihres DynDNS-Anbieters eintragen.
router-fritzbox-ipv6 = Neue Internet-Adressen (IPv6): Die FRITZ!Box lässt aus dem Internet kein IPv6 herein, nur bei Freigaben mit angekreuztem IPv6. Für Port 80 nur IPv4 ankreuzen; IPv6 für Port 443 nur, wenn der Name einen IPv6-Eintrag hat.

router-swisscom-title = So geht es bei der Internet-Box von Swisscom (beschrieben für Internet-Box 3, 4 und plus mit Software ab 11.3): im Browser http://internetbox öffnen, mit dem Admin-Passwort anmelden und die Ansicht mit allen Menüs einschalten (dort Expertenmodus genannt).
router-swisscom-forward = Portfreigabe: Netzwerk > NAT/PAT (so heißen dort die Portfreigaben), für jeden Port eine Regel: Protokoll TCP, als Gerät diesen Server: { $target }.
router-swisscom-dyndns = Name mit wechselnder Adresse (DynDNS): Netzwerk > DynDNS, Anbieter und Zugangsdaten eintragen.
router-swisscom-ipv6 = Neue Internet-Adressen (IPv6): Netzwerk > Firewall. Die Stufe Strikt (Vorgabe seit 11.3) lässt kein IPv6 aus dem Internet herein; das genügt. Die Firewall nicht ausschalten.

router-sunrise-title = So geht es bei der Connect Box von Sunrise (früher UPC; beschrieben für die Connect Box CH7465LG mit Software ab 2019): im Browser http://192.168.0.1 öffnen, mit dem Passwort von der Unterseite der Box anmelden.
router-sunrise-forward = Portfreigabe: Erweiterte Einstellungen > Sicherheit > Port-Weiterleitung, Regel hinzufügen: als Ziel diesen Server: { $target }, Protokoll TCP, Ports wie oben.
router-sunrise-dyndns = Name mit wechselnder Adresse (DynDNS): bietet Ihre Box es nicht unter Erweiterte Einstellungen an, übernimmt ein kleines Programm auf diesem Server die Aufgabe (ddclient).
router-sunrise-ipv6 = Neue Internet-Adressen (IPv6): Hat die Box keine eigene IPv4-Adresse, nur IPv6 (DS-Lite), ist sie über IPv4 nicht erreichbar. Dann bei Sunrise eine eigene IPv4-Adresse verlangen. Port 80 nur für IPv4 freigeben.

router-salt-title = So geht es bei der Fiber Box von Salt (beschrieben für die Salt Fiber Box mit Software ab 2020; Menünamen können je nach Stand leicht abweichen): im Browser http://192.168.1.1 öffnen, mit dem Admin-Passwort von der Box anmelden.
router-salt-forward = Portfreigabe: im Menü Netzwerk den Punkt Port-Weiterleitung (NAT), für jeden Port eine Regel: Protokoll TCP, Ziel { $target }.
router-salt-dyndns = Name mit wechselnder Adresse (DynDNS): im Menü Netzwerk unter DynDNS, sonst ein kleines Programm auf diesem Server (ddclient).
router-salt-ipv6 = Neue Internet-Adressen (IPv6): Die Firewall der Fiber Box lässt kein IPv6 aus dem Internet herein. Das genügt; Port 80 nur für IPv4 freigeben.

router-speedport-title = So geht es beim Speedport der Telekom (beschrieben für Speedport Smart 3 und 4): im Browser http://speedport.ip öffnen, mit dem Gerätepasswort von der Rückseite anmelden.
router-speedport-forward = Portfreigabe: Internet > Portfreischaltung > Port-Umleitungen und Port-Weiterleitungen, neue Regel: Gerät { $target }, Protokoll TCP; für Port 80 eine Umleitung auf Port { $port }.
router-speedport-dyndns = Name mit wechselnder Adresse (DynDNS): Internet > Dynamisches DNS.
router-speedport-ipv6 = Neue Internet-Adressen (IPv6): Internet > Portfreischaltung > IPv6-Portfreischaltung. Ohne Eintrag kommt kein IPv6 herein; für Port 80 keinen anlegen.

router-vodafone-title = So geht es bei der Vodafone Station (beschrieben für die Kabel-Modelle von Arris und Technicolor mit Software ab 2020): im Browser http://192.168.0.1 öffnen, mit dem Gerätepasswort anmelden, die Ansicht mit allen Menüs einschalten (dort Expertenmodus genannt).
router-vodafone-forward = Portfreigabe: Internet > Port-Weiterleitung, Regel hinzufügen: Gerät { $target }, Protokoll TCP.
router-vodafone-dyndns = Name mit wechselnder Adresse (DynDNS): Internet > DDNS.
router-vodafone-ipv6 = Neue Internet-Adressen (IPv6): Viele Kabelanschlüsse haben keine eigene IPv4-Adresse, nur IPv6 (DS-Lite), und sind über IPv4 nicht erreichbar. Dann bei Vodafone eine eigene IPv4-Adresse (Dual Stack) verlangen. Port 80 nur für IPv4 freigeben.

## Die Menüs des erkannten Routers, für die Hinweise auf späteren Schritten.
## $router: fritzbox, swisscom, sunrise, salt, speedport, vodafone; generic (kein
## bekannter Router erkannt); unknown (Schritt 5 hat noch nicht nachgesehen).

router-menu-forward = { $router ->
        [fritzbox] FRITZ!Box: Internet > Freigaben > Portfreigaben
        [swisscom] Internet-Box (Ansicht mit allen Menüs, Expertenmodus): Netzwerk > NAT/PAT
        [sunrise] Connect Box: Erweiterte Einstellungen > Sicherheit > Port-Weiterleitung
        [salt] Fiber Box: Netzwerk > Port-Weiterleitung
        [speedport] Speedport: Internet > Portfreischaltung > Port-Umleitungen und Port-Weiterleitungen
        [vodafone] Vodafone Station (Ansicht mit allen Menüs, Expertenmodus): Internet > Port-Weiterleitung
        [generic] im Menü des Routers meist unter Portfreigabe, Port-Weiterleitung, NAT oder Virtuelle Server
       *[unknown] wo das im Menü Ihres Routers steht, zeigt Schritt 5
    }
router-menu-dyndns = { $router ->
        [fritzbox] FRITZ!Box: Internet > Freigaben > DynDNS
        [swisscom] Internet-Box (Ansicht mit allen Menüs, Expertenmodus): Netzwerk > DynDNS
        [sunrise] Connect Box: unter Erweiterte Einstellungen, wenn die Box es anbietet
        [salt] Fiber Box: Netzwerk > DynDNS
        [speedport] Speedport: Internet > Dynamisches DNS
        [vodafone] Vodafone Station: Internet > DDNS
        [generic] meist im Menü Internet oder Netzwerk des Routers
       *[unknown] wo das im Menü Ihres Routers steht, zeigt Schritt 5
    }
router-menu-upnp-status = { $router ->
        [fritzbox] Bei der FRITZ!Box schalten Sie unter Heimnetz > Netzwerk > Netzwerkeinstellungen "Statusinformationen über UPnP übertragen" ein; dann erkennt der Assistent sicher, ob Ihr Anschluss eine geteilte Adresse hat (DS-Lite) oder ein zweiter Router davor steht.
       *[other] Bietet Ihr Router an, seinen Zustand im Praxisnetz zu melden (Statusinformationen über UPnP), schalten Sie das ein; dann erkennt der Assistent sicher, ob Ihr Anschluss eine geteilte Adresse hat (DS-Lite) oder ein zweiter Router davor steht.
    }
