## Swiss overlay of de/golive2.ftl: only the messages that differ.
## Swiss German writes "ss" for the sharp s (never the letter itself) and quotes with «…» instead of „…“.

golive-cert-missing = Das Zertifikat fehlt ({ $file }). Bitte zuerst den Schritt «Installieren» ausführen.
golive-docker-failed = Docker hat auf «docker { $command }» nicht wie erwartet geantwortet.
