## Swiss overlay of de/keepvalid.ftl: only the messages that differ.
## Swiss German writes "ss" for the sharp s (never the letter itself) and quotes with «…» instead of „…“.

mail-error-address = «{ $address }» ist keine gültige E-Mail-Adresse. Bitte prüfen Sie die Schreibweise.
status-firewall-guard = Die Firewall hält Port { $port } zwischen den Erneuerungen geschlossen (Tabelle { $table }), weil die Weiterleitung von Port 80 im Router bleibt. «praxis-tls undo» entfernt diese Tabelle.
mail-gateway-renewed-body = Guten Tag,

    Das Zertifikat für { $domain } wurde erneuert und gilt bis { $date }. Die Dateien liegen schon am richtigen Ort.

    Damit Express Gateway das neue Zertifikat verwendet, muss sein Dienst einmal aktualisiert werden. Das geht auf der Verwaltungsseite der Container (Portainer): «Stacks» > «API-Stack» > «express-gw» > «Update». Bis dahin zeigt das Gateway das bisherige Zertifikat.
status-undone = Am { $date } wurde die Einrichtung zurückgenommen (mit «praxis-tls undo»). Der Termindienst verwendet dieses Zertifikat nicht mehr. Starten Sie den Assistenten, um es wieder einzurichten.
