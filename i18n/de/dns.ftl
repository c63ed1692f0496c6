# DNS: Domain und Namenseinträge. Gelesen von der Praxisassistenz, nicht von
# der IT: kurze Sätze, und immer, was als Nächstes zu tun ist.

## Domain registriert? (Delegation)

dns-delegation-ok = Die Domain { $domain } ist registriert. Zuständige Nameserver: { $nameservers }.
dns-delegation-not-registered = Die Domain { $domain } ist nicht registriert. Im Internet ist sie unbekannt.
dns-delegation-register-switch =
    Prüfen Sie zuerst die Schreibweise. Stimmt sie, registrieren Sie { $domain } bei einem Domain-Anbieter (Registrar), den SWITCH zugelassen hat. Die Liste steht auf nic.ch (www.nic.ch/de/registrars).
    Danach dauert es meist einige Stunden, bis die Domain überall bekannt ist. Prüfen Sie dann erneut.
dns-delegation-register-nic =
    Prüfen Sie zuerst die Schreibweise. Stimmt sie, registrieren Sie { $domain } bei einem Domain-Anbieter (Registrar) für die Endung .{ $tld }. Einen Einstieg finden Sie meist unter nic.{ $tld }.
    Danach dauert es meist einige Stunden, bis die Domain überall bekannt ist. Prüfen Sie dann erneut.
dns-delegation-no-ns = Den Namen { $domain } gibt es, aber er hat keine eigenen Nameserver. Als eigene Domain ist er nicht eingerichtet.
dns-delegation-no-ns-fix = Geben Sie die Domain genau so ein, wie Sie sie gekauft haben. Stimmt sie, fragen Sie Ihren Domain-Anbieter, welche Nameserver für { $domain } eingetragen sind.
dns-delegation-servfail = Für die Domain { $domain } antworten die Nameserver nicht richtig. Die Domain ist beim Anbieter falsch eingerichtet.
dns-delegation-servfail-fix = Rufen Sie Ihren Domain-Anbieter an und sagen Sie: „Die Nameserver von { $domain } antworten mit SERVFAIL.“ Erst wenn das behoben ist, kann Let's Encrypt die Domain prüfen.

## Adresse für IPv4 (A-Eintrag)

dns-a-ok = { $name } zeigt auf die Internet-Adresse { $addresses }.
dns-a-nxdomain = Den Namen { $name } gibt es im Internet noch nicht. Unter diesem Namen findet niemand Ihre Terminseite.
dns-a-none = Den Namen { $name } gibt es, aber er zeigt auf keine Internet-Adresse.
dns-a-missing-fix =
    Tragen Sie bei Ihrem Domain-Anbieter für { $name } einen Adress-Eintrag (A-Eintrag) mit der öffentlichen Internet-Adresse Ihrer Praxis ein.
    Hat Ihr Anschluss keine feste Adresse, richten Sie stattdessen die automatische Adress-Meldung (DynDNS) im Router ein ({ router-menu-dyndns }).
    Eine Änderung braucht manchmal eine Stunde, bis sie überall gilt. Prüfen Sie dann erneut.
dns-a-not-public =
    { $name } zeigt auf { $address }. { $kind ->
        [private] Diese Adresse gilt nur im Netz der Praxis.
        [cgnat] Diese Adresse gehört zum Netz Ihres Internet-Anbieters, nicht zu Ihrem Anschluss.
        [loopback] Diese Adresse zeigt immer auf das Gerät selbst.
        [link-local] Diese Adresse gilt nur im eigenen Netzwerk.
       *[other] Diese Adresse gehört zu keinem Gerät im Internet.
    } Aus dem Internet ist sie nicht erreichbar.
dns-a-not-public-fix =
    { $kind ->
        [cgnat] Ihr Anschluss hat keine eigene öffentliche IPv4-Adresse (DS-Lite oder CGNAT). So kann Let's Encrypt Ihren Server nicht erreichen. Bitten Sie Ihren Internet-Anbieter um eine öffentliche IPv4-Adresse und tragen Sie diese für { $name } ein.
       *[other] Tragen Sie für { $name } die öffentliche Internet-Adresse Ihrer Praxis ein. Das ist die Adresse, die Ihr Router vom Internet-Anbieter bekommt; Schritt 5 (Portfreigabe) zeigt sie. Mit der automatischen Adress-Meldung (DynDNS) im Router geht das von selbst ({ router-menu-dyndns }).
    } Nennt Ihr eigener DNS-Server hier absichtlich die interne Adresse, können Sie trotzdem weitergehen.
## Adresse für IPv6 (AAAA-Eintrag)

dns-aaaa-none = Für { $name } ist keine IPv6-Adresse eingetragen. Das ist in Ordnung: Let's Encrypt prüft dann über IPv4.
dns-aaaa-public = Für { $name } ist auch eine IPv6-Adresse eingetragen: { $addresses }. Das ist kein Fehler, aber gut zu wissen.
dns-aaaa-public-fix =
    Let's Encrypt versucht zuerst diese IPv6-Adresse. Nur wenn dort keine Verbindung zustande kommt, nimmt es die IPv4-Adresse.
    Viele Router tragen bei der automatischen Adress-Meldung (DynDNS) ihre eigene IPv6-Adresse ein und lassen von außen keine Verbindung herein. Dann klappt es über IPv4.
    Ein späterer Schritt prüft, was unter dieser Adresse wirklich antwortet. Jetzt müssen Sie nichts tun.
dns-aaaa-not-public =
    Für { $name } ist die IPv6-Adresse { $address } eingetragen. { $kind ->
        [unique-local] Diese Adresse gilt nur im Netz der Praxis.
        [link-local] Diese Adresse gilt nur im eigenen Netzwerk.
        [loopback] Diese Adresse zeigt immer auf das Gerät selbst.
       *[other] Diese Adresse gehört zu keinem Gerät im Internet.
    } Aus dem Internet ist sie nicht erreichbar.
dns-aaaa-not-public-fix =
    Löschen Sie bei Ihrem Domain-Anbieter den IPv6-Adress-Eintrag (AAAA-Eintrag) für { $name }. Kommt er von der automatischen Adress-Meldung (DynDNS), schalten Sie dort die IPv6-Adresse aus.
    Nennt Ihr eigener DNS-Server hier absichtlich die interne Adresse, können Sie trotzdem weitergehen.

## Verweise (CNAME)

dns-cname-none = { $name } verweist auf keinen anderen Namen (kein CNAME). Das ist in Ordnung.
dns-cname-chain = { $name } verweist auf einen anderen Namen: { $chain }. Das ist in Ordnung.
dns-cname-loop = Die Verweise von { $name } führen im Kreis: { $chain }. So findet niemand eine Adresse.
dns-cname-loop-fix = Ändern Sie bei Ihrem Domain-Anbieter einen der Verweise, sodass die Kette bei einem Namen mit Internet-Adresse endet. Oder ersetzen Sie den Verweis für { $name } durch einen Adress-Eintrag (A-Eintrag).
dns-cname-dead-end = { $name } verweist auf { $target } ({ $chain }). Für { $target } ist aber keine Internet-Adresse eingetragen.
dns-cname-dead-end-fix = Tragen Sie für { $target } eine Internet-Adresse ein, oder lassen Sie den Verweis auf einen Namen zeigen, der eine hat. Meist ist das der Name beim Anbieter Ihrer automatischen Adress-Meldung (DynDNS): Prüfen Sie dort die Schreibweise.

## Wer darf Zertifikate ausstellen? (CAA)

dns-caa-none = Für { $name } gibt es keine Aussteller-Einträge (CAA-Einträge). Damit darf jede Zertifizierungsstelle Zertifikate ausstellen, auch Let's Encrypt.
dns-caa-allows = Der Aussteller-Eintrag (CAA-Eintrag) bei { $owner } erlaubt Let's Encrypt, Zertifikate für { $name } auszustellen.
dns-caa-no-issue = Bei { $owner } gibt es Aussteller-Einträge (CAA-Einträge), aber keiner schränkt ein, wer Zertifikate für { $name } ausstellen darf. Let's Encrypt ist erlaubt.
dns-caa-one-account = Der Aussteller-Eintrag (CAA-Eintrag) bei { $owner } erlaubt Let's Encrypt nur für ein bestimmtes Konto.
dns-caa-one-account-fix =
    Das klappt nur, wenn dieser Assistent genau dieses Let's-Encrypt-Konto benutzt. Fragen Sie im Zweifel Ihre IT-Betreuung. Oder ergänzen Sie bei Ihrem Domain-Anbieter diesen Eintrag:
    { $owner } CAA 0 issue "letsencrypt.org"
dns-caa-method = Der Aussteller-Eintrag (CAA-Eintrag) bei { $owner } erlaubt Let's Encrypt nur mit einem anderen Prüfverfahren. Dieser Assistent braucht das Verfahren HTTP-01.
dns-caa-denies = Der Aussteller-Eintrag (CAA-Eintrag) bei { $owner } erlaubt Zertifikate für { $name } nur von: { $issuers }. Let's Encrypt gehört nicht dazu und wird ablehnen.
dns-caa-denies-all = Der Aussteller-Eintrag (CAA-Eintrag) bei { $owner } verbietet allen Zertifizierungsstellen, Zertifikate für { $name } auszustellen. Auch Let's Encrypt wird ablehnen.
dns-caa-add-fix =
    Ergänzen Sie bei Ihrem Domain-Anbieter diesen Eintrag. Die anderen Einträge können bleiben.
    { $owner } CAA 0 issue "letsencrypt.org"
dns-caa-critical = Bei { $owner } steht ein Aussteller-Eintrag (CAA-Eintrag) vom Typ „{ $tag }“, als kritisch markiert. Let's Encrypt kennt diesen Typ nicht und wird deshalb ablehnen.
dns-caa-critical-fix = Lassen Sie bei Ihrem Domain-Anbieter den Aussteller-Eintrag (CAA-Eintrag) „{ $tag }“ bei { $owner } löschen oder die Markierung „kritisch“ (Flag 128) entfernen. Fragen Sie im Zweifel Ihre IT-Betreuung.

## Wenn eine Abfrage nicht klappt

dns-lookup-servfail = Die Nameserver Ihrer Domain geben für { $name } keine gültige Antwort. Sie sind gestört oder falsch eingerichtet.
dns-lookup-servfail-fix = Rufen Sie Ihren Domain-Anbieter an und sagen Sie: „Die Nameserver antworten für { $name } mit SERVFAIL.“ Prüfen Sie danach erneut.
dns-lookup-timeout = Auf die Frage nach { $name } kam keine Antwort. Das kann auch am DNS-Server hier in der Praxis liegen.
dns-lookup-timeout-fix = Warten Sie einen Moment und prüfen Sie erneut. Bleibt es so, prüfen Sie die Internetverbindung dieses Servers. Sind Sie sicher, dass alles richtig eingetragen ist, können Sie trotzdem weitergehen.
dns-lookup-refused = Der DNS-Server hat die Frage nach { $name } abgelehnt.
dns-lookup-refused-fix = Das liegt meist am DNS-Server hier in der Praxis. Fragen Sie Ihre IT-Betreuung. Sind Sie sicher, dass alles richtig eingetragen ist, können Sie trotzdem weitergehen.
dns-lookup-other = Die Frage nach { $name } ist fehlgeschlagen. Die Einzelheiten stehen in den technischen Details.
dns-lookup-other-fix = Prüfen Sie die Internetverbindung dieses Servers und prüfen Sie erneut. Bleibt es so, zeigen Sie die technischen Details Ihrer IT-Betreuung. Sie können trotzdem weitergehen.
