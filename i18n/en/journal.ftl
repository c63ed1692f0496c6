## Resume file, session lock and change journal (src/io/store.rs, lock.rs, journal.rs)

## The state directory (resume file, journal, backups)

store-permission-denied = The program may not write to { $path }. Start it with administrator rights: "sudo praxis-tls".
store-read-only = { $path } is on a read-only drive. The program cannot save anything there. Ask your IT support to make the drive writable again.
store-disk-full = The disk is full: there is no space left in { $path }. Delete files you no longer need (or ask your IT support to do it), then start the program again. What you entered so far is kept.
store-disk-full-running = The disk is full: there is no space left in { $path }. Delete files that are no longer needed (or have your IT supporter do it). Leave this program open: it saves again by itself at your next input, and what you entered so far is kept.
store-newer-schema = The saved progress in { $path } was written by a newer version of this program (format { $found }, this version only knows { $supported }). Use the newer version. The file is left unchanged.
store-broken = The saved progress in { $path } was damaged and could not be read. It was kept as { $moved_to } so nothing is lost. The wizard starts from the beginning.
store-io = An error occurred while accessing { $path }: { $detail }. Try again; if that does not help, contact your IT support.

## A second session

lock-held-remote = Another session has been running since { $since } (user { $user }, from { $from }, process { $pid }). Only one session may work at a time. Talk to the other person and wait until they have closed the program.
lock-held-local = Another session has been running since { $since } (user { $user }, process { $pid }). Only one session may work at a time. Talk to the other person and wait until they have closed the program.
lock-held-unknown = Another session is starting right now. Wait a moment, then try again.

## Changes to files outside the program

journal-target-permission-denied = The program may not change { $path }. Start it with administrator rights: "sudo praxis-tls".
journal-target-read-only = { $path } is on a read-only drive and cannot be changed. Ask your IT support for help.
journal-target-disk-full = The disk is full: { $path } cannot be written. Free some space, then try again.
journal-target-io = An error occurred while changing { $path }: { $detail }. Nothing was left half changed.
journal-corrupt = The list of earlier changes ({ $path }) is damaged. So that nothing is undone wrongly, the program stops here. Please contact your IT support; the file is left unchanged.
journal-newer-schema = The list of earlier changes ({ $path }) was written by a newer version of this program (format { $found }, this version only knows { $supported }). Use the newer version.
journal-unknown-entry = Change number { $id } is not on record.
journal-wrong-state = Change number { $id } is already finished or was already undone.
journal-conflict = { $path } has since been changed by someone else. The program does not overwrite that change. Check with your IT support which version is right.
journal-copy-damaged = The saved copy { $path } is missing or damaged. It is not used, so that no wrong file is written back. Please contact your IT support.
journal-not-a-file = { $path } is not an ordinary file (for example, a folder). The program does not change it.

## Undo ("praxis-tls undo")

journal-undo-confirm = The program will undo the changes listed, newest first (number: { $count }). Continue? [y/N]
journal-undo-nothing = There are no changes to undo.
journal-undo-cancelled = Cancelled. Nothing was undone.
journal-undo-complete = Done: all changes were undone (number: { $count }).
journal-undo-incomplete = Not all changes could be undone (left: { $count }). The reasons are shown above; please contact your IT support.
journal-undo-restored =
    { $kind ->
        [firewall] The firewall window for port { $port }
        [guard] The firewall rule for port { $port }
        [command] The command { $path }
       *[file] { $path }
    } is as it was before.
journal-undo-removed =
    { $kind ->
        [firewall] The firewall window for port { $port }
        [guard] The firewall rule for port { $port }
        [command] The command { $path }
       *[file] { $path }
    } did not exist before and was removed again.
journal-undo-already =
    { $kind ->
        [firewall] The firewall window for port { $port }
        [guard] The firewall rule for port { $port }
        [command] The command { $path }
       *[file] { $path }
    } was already as before.
journal-undo-conflict =
    { $kind ->
        [firewall] The firewall window for port { $port }
        [guard] The firewall rule for port { $port }
        [command] The command { $path }
       *[file] { $path }
    } has since been changed by someone else and is left as it is.
journal-undo-forced =
    { $kind ->
        [firewall] The firewall window for port { $port }
        [guard] The firewall rule for port { $port }
        [command] The command { $path }
       *[file] { $path }
    } is as it was before. The version someone else had written is kept in { $kept }.
journal-undo-failed =
    { $kind ->
        [firewall] The firewall window for port { $port }
        [guard] The firewall rule for port { $port }
        [command] The command { $path }
       *[file] { $path }
    } could not be reset.

## Change sets: files of one step that belong together

change-set-question = { $edited } was changed by hand after the wizard wrote it. This file belongs together with other changes of the same step. If the program takes back the others and leaves this file as it is, these will no longer fit together:
change-set-cert-removed = The go-between's settings file (traefik) { $config } still names the certificate { $file }, which would be deleted. The appointment service then shows patients a wrong certificate, and their browser warns them.
change-set-key-removed = The go-between's settings file (traefik) { $config } still names the private key { $file }, which would be deleted. The appointment service then shows patients a wrong certificate, and their browser warns them.
change-set-cert-restored = The go-between's settings file (traefik) { $config } still names the certificate { $file }, which would get back its earlier content.
change-set-key-restored = The go-between's settings file (traefik) { $config } still names the private key { $file }, which would get back its earlier content.
change-set-mismatch = { $edited } stays as it was changed by hand, but { $other } is taken back. The two then no longer fit together.
change-set-ask = Take back the other changes anyway? Without a "yes", all changes of this step stay as they are. [y/N]
journal-undo-kept-set =
    { $kind ->
        [firewall] The firewall window for port { $port }
        [guard] The firewall rule for port { $port }
        [command] The command { $path }
       *[file] { $path }
    } stays as it is, because it belongs together with { $kept }, which was changed by hand.
journal-change-firewall-guard = firewall rule that keeps port { $port } closed between renewals
