## A state or certificate folder someone else could change (src/io/safe_dir.rs)

safe-dir-symlink = The folder { $dir } is not used: { $at } is only a link to another folder. Whoever changes the link could decide where the program writes with administrator rights. Give a real folder, for example /var/lib/praxis-tls.
safe-dir-owner = The folder { $dir } is not used: { $at } belongs to the user { $owner }. That user could slip in files there that the program then changes with administrator rights. Use a folder that belongs only to you or to the administrator, for example /var/lib/praxis-tls.
safe-dir-writable = The folder { $dir } is not used: other users may create files in { $at }. They could slip in files there that the program then changes with administrator rights. Use a folder only you may write to, for example /var/lib/praxis-tls.
safe-dir-not-a-dir = The folder { $dir } is not used: { $at } is not a folder. Give a folder, for example /var/lib/praxis-tls.

## A full disk, in plain words (never "os error 28")

safe-dir-disk-full = The disk is full: there is no space left in { $path }. No half-written file was left behind. Delete files you no longer need (or ask your IT support to do it), then try again.
