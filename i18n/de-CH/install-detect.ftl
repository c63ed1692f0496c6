# Schweizer Schreibweise: nur Meldungen, die sich von de unterscheiden.
# Die Meldungen zur Erkennung von Elexis-OOB schreiben sich in der Schweiz gleich; alles kommt aus de.
