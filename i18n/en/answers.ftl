# The answers file: replaying a setup in the next practice.

answers-read-failed = The answers file { $path } cannot be read: { $detail }
answers-syntax = The answers file { $path } has a mistake in line { $line }: { $detail }
answers-unknown-key = The answers file { $path } has a key this version does not know in line { $line }: { $key }
answers-newer-version = The answers file { $path } was written for a newer version of praxis-tls (version { $found }; this one knows up to { $supported }). Please update praxis-tls.
answers-no-version = The answers file { $path } has no version. Its first lines must be: [answers] version = 1
answers-invalid = The answers file { $path } has a value that is not allowed in line { $line }: { $detail }
answers-write-failed = The answers file { $path } cannot be written: { $detail }
answers-written = Answers for the next practice (no passwords or keys): { $path } – replay with "praxis-tls replay"
answers-replay-confirm = Replay { $path } on this server? The firewall window and the certificate are handled as the file says. [y/N]
answers-replay-cancelled = Nothing was done.
answers-step-passed = { $number }. { $title }: done
answers-step-overridden = { $number }. { $title }: passed over with "continue anyway", as the answers say
answers-step-back = { $number }. { $title }: the answers say something else for an earlier step; going back
answers-replay-done = The answers went through to the end ({ $number }. { $title }).
answers-replay-stopped = Stopped at step { $number }: { $title }
answers-stop-unanswered = The answers file says nothing (or not enough) about this step. Add it under [{ $table }], or continue in the wizard: praxis-tls --answers FILE
answers-stop-failed = A check failed, and the answers do not pass it over:
answers-stop-may-override = The wizard allows "continue anyway" here. To do that unattended, write override = true under [{ $table }].
answers-stop-dialog = A question is open that the answers do not cover (for example another attempt at a certificate). Please continue in the wizard.
answers-stop-invalid = The wizard does not accept the answer for this step:
answers-value-too-long = The value is { $count } characters long; an input field takes at most { $max } characters.
answers-value-line-break = The value contains a line break at position { $position }; an input field takes one line only.
answers-value-nul = The value contains a null character at position { $position }, which no input field takes.
answers-value-control = The value contains an invisible control character at position { $position }, which no input field takes.
answers-value-empty = The value is empty.
answers-stop-blocked = This step cannot go on by itself. Continue in the wizard to see why.
answers-stop-timeout = No result came within { $seconds } seconds.
answers-pending-undo = An earlier run was interrupted. What it left half done or open is taken back first, as "praxis-tls undo" would; then the replay goes on where that run was saved:
