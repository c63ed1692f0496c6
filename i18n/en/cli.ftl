cli-see-log = The details are in the log: { $path }
cli-no-terminal = The program needs a terminal (for example an SSH session): { $reason }
cli-undo-nothing = There is nothing to undo.
cli-undo-list = These changes will be undone, newest first:
cli-undo-done = { $count } change(s) undone.
