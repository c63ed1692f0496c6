# Schweizer Schreibweise: nur Meldungen, die sich von de unterscheiden.
# Die Meldungen zur Erkennung von Elexis-OOB schreiben sich in der Schweiz gleich; alles kommt aus de.

# Schweizer Schreibweise (ss, «…») der übrigen Meldungen aus de/install-detect.ftl.
start-warning-legacy-unpinned = Der Vermittler (Proxy) ist als «{ $image }» ohne Versionsnummer eingetragen. Lädt Docker ihn neu herunter, kommt eine neue Traefik-Version, die die Datei traefik.toml nicht mehr versteht – dann ist Elexis-OOB nicht mehr erreichbar. Führen Sie deshalb kein «docker-compose pull» aus.
start-warning-unpinned = Der Vermittler (Proxy) ist als «{ $image }» ohne Versionsnummer eingetragen. Ein neues Herunterladen kann eine andere Traefik-Version bringen.
