## Start step: what the restart on step 10 will need, looked at first

check-compose-ready = Elexis-OOB bereit für den Neustart
compose-ready-ok = Elexis-OOB läuft ({ $count ->
        [one] ein Dienst
       *[other] { $count } Dienste
    }), und alles Nötige für den späteren Neustart ist vorhanden.
compose-ready-no-docker = Auf diesem Server fehlt das Programm, das Elexis-OOB startet und anhält (Docker Compose: weder «docker compose» noch «docker-compose»). Ohne es kann der Assistent Elexis-OOB in Schritt 10 nicht neu starten.
compose-ready-no-docker-fix = Lassen Sie Ihre IT-Betreuung Docker Compose einrichten, oder starten Sie den Assistenten auf dem Server, auf dem Elexis-OOB läuft.
compose-ready-no-answer = Docker, das Programm, in dem Elexis-OOB läuft, hat nicht geantwortet. Ob Elexis-OOB neu gestartet werden kann, bleibt darum offen.
compose-ready-no-answer-fix = Prüfen Sie, ob der Docker-Dienst läuft (Ihre IT-Betreuung weiss, wie), und wählen Sie dann den Ordner noch einmal.
compose-ready-build-missing = Elexis-OOB lässt sich so nicht neu starten: Der Ordner { $folder } fehlt. Aus ihm wird ein Teil von Elexis-OOB gebaut.
compose-ready-build-missing-fix = Stellen Sie den Ordner wieder her, zum Beispiel aus der Sicherung, oder lassen Sie Ihre IT-Betreuung Elexis-OOB in { $dir } neu einrichten. Erst danach kann der Neustart in Schritt 10 gelingen.
compose-ready-config-fails = Die Einstellungen von Elexis-OOB in { $dir } lassen sich nicht laden. Ein Neustart würde darum scheitern.
compose-ready-config-fails-fix = Zeigen Sie die Meldung unter «Details» ({ -ctrl }+D) Ihrer IT-Betreuung. Erst wenn sie behoben ist, kann der Neustart in Schritt 10 gelingen.
compose-ready-images-missing = Auf diesem Server { $count ->
        [one] fehlt das Programmpaket (Image)
       *[other] fehlen die Programmpakete (Images)
    } { $images }. Der Neustart müsste { $count ->
        [one] es
       *[other] sie
    } erst aus dem Internet laden.
compose-ready-images-missing-fix = Lassen Sie Ihre IT-Betreuung die fehlenden Programmpakete laden, bevor es weitergeht: Sie tippt dazu im Ordner { $dir } den Befehl docker compose pull ein (auf älteren Servern docker-compose pull).
compose-ready-all-stopped = Elexis-OOB läuft im Moment nicht (angehalten: { $services }).
compose-ready-some-stopped = Ein Teil von Elexis-OOB läuft im Moment nicht (angehalten: { $services }).
compose-ready-stopped-fix = Starten Sie Elexis-OOB so, wie Sie es gewohnt sind, oder lassen Sie es Ihre IT-Betreuung starten: Sie tippt dazu im Ordner { $dir } den Befehl docker compose up -d ein, der alle Teile von Elexis-OOB startet. Läuft es nicht, bevor Sie weitergehen, zeigt der Neustart in Schritt 10 erst dort, was fehlt.
