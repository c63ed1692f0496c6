## A state or certificate folder someone else could change (src/io/safe_dir.rs)

safe-dir-symlink = Der Ordner { $dir } wird nicht verwendet: { $at } ist nur eine Verknüpfung auf einen anderen Ordner. Wer die Verknüpfung ändert, könnte bestimmen, wohin das Programm mit Administratorrechten schreibt. Geben Sie einen echten Ordner an, zum Beispiel /var/lib/praxis-tls.
safe-dir-owner = Der Ordner { $dir } wird nicht verwendet: { $at } gehört dem Benutzer { $owner }. Dieser könnte dort Dateien unterschieben, die das Programm mit Administratorrechten verändert. Verwenden Sie einen Ordner, der nur Ihnen oder dem Administrator gehört, zum Beispiel /var/lib/praxis-tls.
safe-dir-writable = Der Ordner { $dir } wird nicht verwendet: In { $at } dürfen auch andere Benutzer Dateien anlegen. Diese könnten dort Dateien unterschieben, die das Programm mit Administratorrechten verändert. Verwenden Sie einen Ordner, in den nur Sie schreiben dürfen, zum Beispiel /var/lib/praxis-tls.
safe-dir-not-a-dir = Der Ordner { $dir } wird nicht verwendet: { $at } ist kein Ordner. Geben Sie einen Ordner an, zum Beispiel /var/lib/praxis-tls.

## A full disk, in plain words (never "os error 28")

safe-dir-disk-full = Die Festplatte ist voll: In { $path } ist kein Platz mehr. Es wurde keine halbe Datei hinterlassen. Löschen Sie nicht mehr benötigte Dateien (oder lassen Sie das von Ihrer IT-Betreuung erledigen) und versuchen Sie es dann noch einmal.
