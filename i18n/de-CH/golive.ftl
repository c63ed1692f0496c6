## Nur was im Schweizer Deutsch anders ist (ss statt Eszett, «» statt „“); der Rest kommt aus de.

exposure-host-reached = Von aussen sind über Port { $port } auch interne Seiten erreichbar: { $hosts }.
exposure-ports-open = Von aussen sind interne Dienste von Elexis-OOB direkt erreichbar (Ports { $ports }).
exposure-none = Von aussen ist nur der Termindienst erreichbar.
restart-failed = «{ $command }» hat nicht geklappt (Fehlercode { $code }). Die Ausgabe des Befehls zeigt, warum.
