## Nur was im Schweizer Deutsch anders ist (ss statt Eszett, «» statt „“); der Rest kommt aus de.

exposure-host-reached = Von aussen sind über Port { $port } auch interne Seiten erreichbar: { $hosts }.
exposure-ports-open = Von aussen sind interne Dienste von Elexis-OOB direkt erreichbar ({ $count ->
        [one] Port { $ports }
       *[other] Ports { $rest } und { $last }
    }).
exposure-none = Von aussen ist nur der Termindienst erreichbar.
restart-failed = «{ $command }» hat nicht geklappt (Fehlercode { $code }). Die Ausgabe des Befehls zeigt, warum.

# Schweizer Schreibweise (ss, «…») der übrigen Meldungen aus de/golive.ftl.
restart-docker-missing = Docker, das Programm, in dem Elexis-OOB läuft, wurde auf diesem Server nicht gefunden (weder «docker compose» noch «docker-compose»).
restart-container-config = docker-compose ist beim Neustart abgestürzt (bekannter Fehler «ContainerConfig» der alten Version 1). Ihre Daten sind nicht betroffen. Bitte versuchen Sie es noch einmal.
restart-timeout = «{ $command }» war nach { $seconds } Sekunden noch nicht fertig und wurde abgebrochen. Bitte prüfen Sie, ob Docker hängt, und versuchen Sie es noch einmal.
restart-spawn-failed = «{ $command }» liess sich nicht starten: { $error }
verify-bad-name = «{ $host }» ist kein gültiger Servername.
exposure-ports-open-fix = Schalten Sie am Router «Exposed Host» und automatische Freigaben (UPnP) für den Server aus und entfernen Sie Freigaben für diese Ports.
exposure-host-reached-fix = Die internen Seiten dürfen nur im Praxisnetz zu sehen sein. Gehen Sie zurück zum Schritt «Vermittler (Traefik) einrichten»: Der Assistent legt dort jede interne Seite auf den Eingang für das Praxisnetz (Port 80 von Traefik, den der Router nicht weiterleitet). Selbst eingerichtete Seiten muss Ihre IT-Betreuung ebenso auf diesen Eingang (entrypoints) legen.
restart-failed-fix = Solange der Neustart nicht geklappt hat, ist die Terminseite vielleicht nicht erreichbar. Drücken Sie Enter, um den Neustart noch einmal zu versuchen. Klappt es wieder nicht, zeigen Sie die Meldungen darunter Ihrer IT-Betreuung. Sie kann mit dem Befehl «praxis-tls undo» alle Änderungen dieses Assistenten zurücknehmen.
