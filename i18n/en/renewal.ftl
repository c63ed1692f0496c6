## Automatic renewal: the schedule, its program, the deploy hook

schedule-no-scheduler = This server has no service that starts programs on a schedule (neither systemd nor cron), so automatic renewal cannot be set up. Ask your IT support to install one (for example cron).
schedule-unsafe-path = The path { $path } cannot be written into a schedule (it contains line breaks or control characters, or is not complete). Use a simple, complete path.
schedule-systemctl-failed = The command { $command } failed: { $detail }. The files are written, but the schedule is not switched on yet. Please contact your IT support.
schedule-binary-unreadable = The program { $path } cannot be copied: { $detail }. Automatic renewal is therefore not set up.
schedule-installed-systemd = Automatic renewal is set up and switched on ({ $files }).
schedule-installed-cron = Automatic renewal is set up through the server's schedule (cron) ({ $files }).
schedule-journal-service = Service for the automatic certificate renewal
schedule-journal-failed = Service that sends a mail when a renewal failed
schedule-journal-timer = Schedule for the automatic certificate renewal
schedule-journal-activate = Automatic certificate renewal schedule switched on (systemctl enable)
schedule-journal-cron = Entry in the server's schedule (cron) for the automatic certificate renewal
schedule-journal-copy = Copy of the program for automatic renewal

schedule-plan-timer = Twice a day the server checks the certificate and renews it when it is time: once between 8 and 11 a.m., once between 1 and 4 p.m. (each server at a fixed minute of its own). If the server was off at that time, it catches up at the next start.
schedule-plan-cron = Twice a day the server checks the certificate and renews it when it is time: once in the morning, once in the afternoon (through cron, each server at a fixed time of its own).
schedule-plan-copy = The program is copied to { $to }: it runs from { $from } now, and that place does not reliably last.
schedule-plan-binary = Renewal starts the program { $binary }.
schedule-finding-package-preferred = The program is installed as a package (/usr/bin/praxis-tls). Renewal uses the package, not the copy in { $running }.
schedule-finding-stale-copy = The older version in { $path } is replaced.
schedule-finding-gone-binary = The existing renewal starts { $binary }, which no longer exists; it is replaced.
schedule-finding-other-binary = The existing renewal starts { $binary }; it is replaced.

schedule-verdict-not-set = Automatic renewal is not set up. The certificate expires unless someone renews it by hand.
schedule-verdict-inactive = Automatic renewal is prepared but not switched on. Run "praxis-tls schedule".
schedule-verdict-active = Automatic renewal is switched on (program: { $binary }).
schedule-verdict-missing = Automatic renewal starts { $binary }, which no longer exists: it has stopped working. Run "praxis-tls schedule" or reinstall the package.
schedule-verdict-unstable = Automatic renewal starts { $binary }. That place does not reliably last. Run "praxis-tls schedule" so that it uses a fixed copy.
schedule-verdict-other-state = Automatic renewal is set up for another state folder ({ $dir }).

cli-schedule-ask = Replace? [y/N]
cli-schedule-not-replaced = Nothing changed. "praxis-tls schedule --yes" replaces without asking.
cli-schedule-repaired = Automatic renewal is repaired: it now uses a fixed copy of the program.

cli-hook-unreadable = The stored command after renewal ({ $path }) cannot be read: { $detail }
cli-hook-invalid = The command after renewal must be on one line.
cli-hook-journal = Command run after each renewal
cli-hook-failed = The certificate is renewed, but the command after it ({ $command }) failed: { $detail }
cli-hook-stored = From now on, after each renewal this runs: { $command }
cli-hook-removed = No command runs after renewal any more.
cli-hook-unchanged = The command after renewal is already stored like this.
cli-hook-ran = The command after renewal ran: { $command }

cli-renew-dry-run-ok = Dry run for { $domain } succeeded: renewal would work. Nothing was installed.
cli-renew-dry-run-failed = Dry run for { $domain } failed: renewal would not work like this. Nothing was installed.
renew-due-forced = Renewing the certificate for { $domain } now, because it was asked for (--force).
cli-notify-already-mailed = The renewal already reported its failure by mail; no second mail.

mail-run-failed-subject = Automatic certificate renewal on { $host } failed
mail-run-failed-body = Hello,

    The automatic check and renewal of the certificate on the server { $host } failed or was stopped.

    Please have your IT support look at the server: "praxis-tls status" shows how long the certificate is still valid, and "journalctl -u praxis-tls-renew" shows what happened.
