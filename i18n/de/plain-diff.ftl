# Ein bis zwei einfache Sätze über jeder Änderung einer Einstellungsdatei
# (Schritte 9 und 12): was sich ändert und wozu. Die genauen Zeilen zeigt D.

plain-nothing-else = Sonst ändert sich nichts.
plain-traefik-uncomment = In { $file } schalte ich { $count ->
        [one] die vorbereitete Zeile
       *[other] die { $count } vorbereiteten Zeilen
    } für das Zertifikat ein und trage die Dateinamen ein.
plain-traefik-append = In { $file } füge ich am Ende { $count } Zeilen an, die sagen, wo Zertifikat und Schlüssel liegen.
plain-traefik-replace = In { $file } ersetze ich das bisherige Zertifikat durch das neue.
plain-override-new = Ich lege die Zusatzdatei { $file } neu an. Darin darf der Vermittler (Traefik) den Ordner mit dem Zertifikat lesen, aber nicht ändern; die Hauptdatei docker-compose.yml bleibt, wie sie ist.
plain-override-route = Die Termin-Adresse leite ich darin verschlüsselt (HTTPS) zum Termindienst.
plain-override-update = In der Zusatzdatei { $file } passe ich die Einträge für das Zertifikat an.
plain-dynamic-new = Ich lege die kleine Datei { $file } neu an. Darin steht, welches Zertifikat der Vermittler (Traefik) für { $host } zeigt.
plain-dynamic-update = In { $file } trage ich das neue Zertifikat für { $host } ein.
plain-orthanc = In { $file } schalte ich die Verschlüsselung (HTTPS) für Orthanc ein und trage ein, wo das Zertifikat liegt.
plain-orthanc-clients = Danach öffnet Orthanc sich nur noch auf Computern mit Browser-Zertifikat.
plain-orthanc-ciphers = Außerdem erlaube ich die Verschlüsselungsarten, die heutige Browser brauchen.
plain-stunnel-new = Ich lege die Datei { $file } neu an. Darin steht, dass stunnel verschlüsselte Anfragen annimmt und an Orthanc auf diesem Rechner weitergibt.
plain-stunnel-update = In { $file } passe ich an, wie stunnel verschlüsselte Anfragen an Orthanc weitergibt.
plain-stunnel-clients = Durch lässt stunnel nur Computer mit Browser-Zertifikat.
plain-gateway-https = In { $file } schalte ich die Verschlüsselung (HTTPS) auf Port { $port } ein und trage ein, wo Zertifikat und Schlüssel liegen.
plain-gateway-add = In { $file } trage ich ein, wo Zertifikat und Schlüssel für diesen Namen liegen.
plain-gateway-replace = In { $file } ersetze ich den Eintrag, der sagt, wo Zertifikat und Schlüssel liegen.
plain-other = In { $file } kommen { $added } Zeilen dazu, { $removed } fallen weg.
plain-details-hint = D zeigt die genauen Zeilen (für Ihre IT-Betreuung).
