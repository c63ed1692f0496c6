cli-see-log = Einzelheiten stehen im Protokoll: { $path }
cli-no-terminal = Das Programm braucht ein Terminal (zum Beispiel eine SSH-Sitzung): { $reason }
cli-undo-nothing = Es gibt nichts rückgängig zu machen.
cli-undo-list = Diese Änderungen werden rückgängig gemacht, die neueste zuerst:
cli-undo-done = { $count } Änderung(en) rückgängig gemacht.
