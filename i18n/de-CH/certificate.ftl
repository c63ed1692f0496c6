# Nur was sich in der Schweiz anders schreibt, ohne Eszett; alles andere kommt aus de.
acme-error-tls = Let's Encrypt ist bei { $host } auf eine fehlerhafte verschlüsselte Verbindung gestossen.
