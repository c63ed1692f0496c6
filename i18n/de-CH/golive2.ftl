## Swiss overlay of de/golive2.ftl: only the messages that differ.
## Swiss German writes "ss" for the sharp s (never the letter itself) and quotes with «…» instead of „…“.

golive-cert-missing = Das Zertifikat fehlt ({ $file }). Bitte zuerst den Schritt «Installieren» ausführen.
golive-docker-failed = Docker hat auf «docker { $command }» nicht wie erwartet geantwortet.
upload-warning = Achtung: Das Hochladen über die Verwaltungsseite ({ $server }) ist nur ein Notbehelf.
    • Die Verwaltungsseite verlangt fürs Hochladen kein Passwort: Jeder Computer im Praxisnetz kann dort Schlüssel und Zertifikat des Termindienstes ersetzen.
    • Der private Schlüssel geht unverschlüsselt (http) durchs Praxisnetz und landet im Ordner webelexisdata, den auch die Terminseite im Internet lesen kann.
    Danach sollte die Verwaltungsseite (Port 3000) nur noch vom Server selbst erreichbar sein. Bitten Sie Ihre IT-Betreuung, das so einzustellen; die genaue Änderung zeigt D.
upload-warning-details = Für Ihre IT-Betreuung: In docker-compose.yml beim Dienst appserver «3000:3000» in «127.0.0.1:3000:3000» ändern und Elexis-OOB neu starten.
