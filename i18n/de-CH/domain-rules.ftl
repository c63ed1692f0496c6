# Schweizer Schreibweise: nur Meldungen, die sich von de unterscheiden.
# Die Meldungen zur Domain schreiben sich in der Schweiz gleich; alles kommt aus de.
