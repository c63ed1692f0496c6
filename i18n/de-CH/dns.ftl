# Schweizer Schreibweise: nur die Meldungen, die sich von de unterscheiden
# (kein scharfes S, immer «ss»). Alles andere kommt aus de.

dns-aaaa-public-fix =
    Let's Encrypt versucht zuerst diese IPv6-Adresse. Nur wenn dort keine Verbindung zustande kommt, nimmt es die IPv4-Adresse.
    Die FRITZ!Box trägt bei DynDNS oft ihre eigene IPv6-Adresse ein und blockiert Verbindungen von aussen. Dann klappt es über IPv4.
    Ein späterer Schritt prüft, was unter dieser Adresse wirklich antwortet. Jetzt müssen Sie nichts tun.
