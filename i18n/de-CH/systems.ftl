# Schweizer Schreibweise von de/systems.ftl: nur die Meldungen, die sich
# unterscheiden. Zurzeit keine: alles kommt aus de.
