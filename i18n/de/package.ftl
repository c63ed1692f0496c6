# Was das Debian-Paket beim Löschen (purge, postrm) ausgibt. Es läuft ohne
# Rückfrage, also sagt es, was bleibt und warum.
package-purge-note =
    praxis-tls ist entfernt. Mit Absicht geblieben sind, in { $dir }:
    die Zertifikate und Schlüssel (traefik liest sie dort womöglich noch), das Protokoll und die Einstellungen.
    Die Einstellungen des Proxys (traefik) bleiben, wie sie sind. Zurücknehmen kann sie nur
      praxis-tls undo
    und das muss laufen, BEVOR das Paket entfernt wird: das Paket wieder installieren, praxis-tls undo ausführen, dann das Paket entfernen.
    Wer auch die Zertifikate und Schlüssel löschen will, tut das selbst: rm -r { $dir }
