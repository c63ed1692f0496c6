## Nur was im Schweizer Deutsch anders ist (ss statt Eszett); der Rest kommt aus de.

exposure-host-reached = Von aussen sind über Port { $port } auch interne Seiten erreichbar: { $hosts }.
exposure-ports-open = Von aussen sind interne Dienste von Elexis-OOB direkt erreichbar (Ports { $ports }).
exposure-none = Von aussen ist nur der Termindienst erreichbar.
