# Schweizer Schreibweise: nur die Meldungen, die sich von de unterscheiden
# (kein scharfes S, immer «ss»). Alles andere kommt aus de.

dns-aaaa-public-fix =
    Let's Encrypt versucht zuerst diese IPv6-Adresse. Nur wenn dort keine Verbindung zustande kommt, nimmt es die IPv4-Adresse.
    Viele Router tragen bei der automatischen Adress-Meldung (DynDNS) ihre eigene IPv6-Adresse ein und lassen von aussen keine Verbindung herein. Dann klappt es über IPv4.
    Ein späterer Schritt prüft, was unter dieser Adresse wirklich antwortet. Jetzt müssen Sie nichts tun.
# Schweizer Schreibweise (ss, «…») der übrigen Meldungen aus de/dns.ftl.
dns-delegation-servfail-fix = Rufen Sie Ihren Domain-Anbieter an und sagen Sie: «Die Nameserver von { $domain } antworten mit SERVFAIL.» Erst wenn das behoben ist, kann Let's Encrypt die Domain prüfen.
dns-caa-critical = Bei { $owner } steht ein Aussteller-Eintrag (CAA-Eintrag) vom Typ «{ $tag }», als kritisch markiert. Let's Encrypt kennt diesen Typ nicht und wird deshalb ablehnen.
dns-caa-critical-fix = Lassen Sie bei Ihrem Domain-Anbieter den Aussteller-Eintrag (CAA-Eintrag) «{ $tag }» bei { $owner } löschen oder die Markierung «kritisch» (Flag 128) entfernen. Fragen Sie im Zweifel Ihre IT-Betreuung.
dns-lookup-servfail-fix = Rufen Sie Ihren Domain-Anbieter an und sagen Sie: «Die Nameserver antworten für { $name } mit SERVFAIL.» Prüfen Sie danach erneut.
