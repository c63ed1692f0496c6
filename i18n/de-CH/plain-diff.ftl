# Schweizer Schreibweise (ss) von de/plain-diff.ftl.
plain-orthanc-ciphers = Ausserdem erlaube ich die Verschlüsselungsarten, die heutige Browser brauchen.
