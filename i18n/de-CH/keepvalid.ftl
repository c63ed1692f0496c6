## Swiss overlay of de/keepvalid.ftl: only the messages that differ.
## Swiss German writes "ss" for the sharp s (never the letter itself) and quotes with «…» instead of „…“.

mail-error-address = «{ $address }» ist keine gültige E-Mail-Adresse. Bitte prüfen Sie die Schreibweise.
