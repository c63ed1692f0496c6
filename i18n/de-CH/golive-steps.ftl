# Nur was sich in der Schweiz anders schreibt.
check-final-tls = Zertifikat von aussen
golive-final-body = Das Programm verbindet sich wie ein Patient mit https://{ $domain }: Es muss das neue Zertifikat sehen, und sonst darf nichts von aussen erreichbar sein.
