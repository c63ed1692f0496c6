## Frame
app-title = praxis-tls
header-step = Step { $n } of { $total }
too-small = The window is too small. Please make it at least 80 × 24 characters (now { $width } × { $height }).
error-persist = Your progress could not be saved: { $reason }
more-below = ▼ More below: PgDn or Ctrl+N (back: PgUp)
more-above = ▲ More above: PgUp or Ctrl+P
too-small-quit = Please make the window larger. Until then no key acts except q or Ctrl+C: that quits the program, and your progress stays saved.
status-manual = Confirmed by hand

## Keys (footer)
key-next = Enter next
key-back = Esc back
key-help = F1/? help
key-lang = F2/L language
key-quit = q quit
key-help-input = F1/Ctrl+G help
key-lang-input = F2/Ctrl+L language
key-quit-input = Ctrl+X quit
key-toggle = Space done
key-override = F3/W continue anyway
key-recheck = F5/R check again
key-detail = D details
key-choose = ↑/↓ choose
key-finish = Enter finish
key-override-input = F3/Ctrl+W continue anyway
key-recheck-input = F5/Ctrl+R check again
key-detail-input = Ctrl+D details
key-read-on = Enter read on
key-dialog-yes = Enter/Y yes
key-dialog-no = Esc/N no
key-dialog-details = D details
key-dialog-close = Esc/Enter close
key-dialog-confirm = Enter confirm
key-resume-close = Esc continue
key-page-down = PgDn/Ctrl+N further down
key-page-up = PgUp/Ctrl+P further up

## Checks
check-installation = Elexis-OOB installation
check-delegation = Domain registered
check-dns-a = IPv4 address (A)
check-dns-aaaa = IPv6 address (AAAA)
check-dns-cname = Alias (CNAME)
check-dns-caa = Allowed certificate authorities (CAA)
check-running = checking …
check-idle = not checked yet
check-label-fix = What to do:
check-label-detail = Technical:

## State of "next"
gate-open = All good. Press Enter to continue.
gate-open-warning = Press Enter to continue. Read the note above first (marked with !).
input-required = Please fill in the field above: it is still empty.
gate-waiting = The checks are still running. Please wait a moment.
gate-blocked = Please deal with the marked items first.
gate-overridable = A check failed. If you are sure everything is right: F3 or W = continue anyway.
gate-overridable-input = A check failed. If you are sure everything is right: F3 or Ctrl+W = continue anyway.
gate-manual = When you have done everything: Space, then Enter.
gate-manual-input = In the "Server" field, Enter sends (with a warning). Done everything by hand? Then Tab, Space, Enter.
gate-overridden = You passed over this check ("continue anyway").

## Steps: short names for the side bar
language-name = Language
start-name = Start
domain-name = Domain
dns-name = DNS
ports-name = Port forwards
firewall-name = Firewall
certificate-name = Certificate
install-name = Install
proxy-name = Proxy
restart-name = Restart
final-name = Final check
done-name = Done

## 1 Language
language-title = Choose your language
language-body = Welcome! This program takes you step by step to the point where your patients can book appointments safely at https://termine.… You can stop at any time: the next start continues where you were.
language-prompt = Which language would you like to work in?
language-de = Deutsch
language-de-CH = Deutsch (Schweiz)
language-en = English

## 2 Start
start-title = Find Elexis-OOB
start-body = Enter the directory where Elexis-OOB is installed (it holds the file docker-compose.yml or docker-compose.yaml). Choose a directory that was found with ↑/↓.
start-input-label = Directory:
start-candidates = Found:
start-candidates-none = No Elexis-OOB directory found. Please type the path.
start-generation = Generation:
start-generation-legacy = older version (Traefik 1, traefik.toml)
start-generation-current = current version (Traefik 2 or newer)
start-local-name = Internal name (LOCAL_NAME):
start-external-name = External name (EXTERNAL_NAME):
start-name-unknown = not set
start-found-legacy = Older Elexis-OOB version found in { $dir }
start-found-current = Current Elexis-OOB version found in { $dir }
start-fix-path = Check the path. If you are not running this program on the Elexis server, you can go on with "continue anyway".

## 3 Domain
domain-title = Internet address of the appointment service
domain-body = Under which name should patients find the appointment service? Usually termine. followed by your domain, for example termine.meine-praxis.ch. You must have bought the domain from a registrar.
domain-input-label = Name:
domain-kept = Name used:
domain-ascii = As written on the internet:
domain-registered = Registered domain:

## 4 DNS
dns-title = Check the DNS records
dns-body = The name { $domain } must point to your practice's internet address: with a fixed address as an address entry (A record) at your domain provider, otherwise the router reports it by itself (DynDNS; { router-menu-dyndns }; or a small program on this server, ddclient). Changes take a few minutes (F5 = check again).

## 5–11 Steps you still do by hand today
manual-note = This program does not run on the Elexis-OOB server, so it cannot do this step itself. Do it as described and confirm with the space bar.
manual-confirm = [ ] Done
manual-confirmed = [x] Done (confirmed by hand)

ports-title = Port forwards in the router
ports-body =
    Set up two port forwards (TCP) to this server in the router:
      from the internet port 443 → port 443 (the appointment service)
      from the internet port 80, IPv4 only → port { $port } (answers only while issuing)
    Never "Exposed Host" or automatic forwards (UPnP) for this server (F1 explains).
firewall-title = The server's firewall
firewall-body =
    This server's firewall stays on. For the check and the certificate issuance the program opens only port { $port }, and only for 15 minutes: then it closes by itself, even if the connection drops.
certificate-title = Get the certificate
install-title = Put certificate and key in place
install-body =
    The certificate (with its chain) and the key belong in a folder only the administrator (root) can read.
    Your IT support creates the folder with this command:
    sudo install -d -m 0700 /var/lib/praxis-tls/certs
    Do not put the key into the webelexisdata volume: the appointment service on the internet can read it too.

proxy-title = Set up the proxy (Traefik)
proxy-body =
    Traefik must use the certificate for { $domain } and show only the appointment service on port 443. Your IT support sets it up like this:
    Older version: in traefik.toml, enable the block [[entryPoints.https.tls.certificates]] at the end, with certFile and keyFile.
    Current version: a file docker-compose.override.yml with an https router for { $domain }.
    Back up every file before you change it.

restart-title = Restart Elexis-OOB
restart-body =
    Your IT support types these two commands in the folder { $dir } (first stop, then start):
    docker-compose stop
    docker-compose up -d
    (The command "restart" alone does not apply changed settings.)

final-title = Final check from the patients' side
final-body =
    On your mobile phone, with Wi-Fi switched off, open https://{ $domain }
    The padlock must show, with no warning. Also try https://webelexis.{ $registered } – that must not work.

## 12 Done
done-title = Done
done-body = The appointment service is set up. What this program changed can be undone with "praxis-tls undo".
done-domain = Address:
done-dir = Elexis-OOB:
done-overrides = Checks passed over: { $count }
done-renew = Let's Encrypt certificates are valid for 90 days at most. From 2027 they are valid for 64 days only, from 2028 for 45 days only. Let's Encrypt no longer sends reminders, so the server now renews the certificates by itself: it checks twice a day whether it is time.

## Dialogs
help-title = Help
help-keys = Keys: Enter = next, Esc = back, F1 or ? = this help, F2 or L = change language, q = quit. Long text pages with PgDn and PgUp, or Ctrl+N and Ctrl+P.
    In input fields the letters type. There: F1/Ctrl+G help, F2/Ctrl+L language, F3/Ctrl+W continue anyway, F5/Ctrl+R check again, Ctrl+D details, F10/Ctrl+X quit.
    Function keys (F1 to F10) do not work in every program, PuTTY for one: then use the letters or the Ctrl keys. The lines at the very bottom always name the keys that act right now.
help-close = Esc or Enter closes the help.
help-resume = You can stop at any time: your progress is saved after every step.

quit-title = Quit?
quit-question = Quit the program now?
quit-body = Your progress is saved. Next time you can continue from here.

resume-title = Welcome back
resume-body = You were at step { $n }: { $name }.
resume-continue = Continue
resume-restart = Start again
resume-choose-hint = ↑/↓ choose, Enter confirm, Esc: continue
start-over-title = Start again?
start-over-body =
    You go through every step again from the beginning and enter everything anew.
    What is already set up stays:
    • the files already installed and the certificate in use ("praxis-tls status" keeps showing it),
    • the record of changes: "praxis-tls undo" can still take them back,
    • the attempts made at Let's Encrypt so far: they still count against its limits (for example at most 5 failed validations an hour).
start-over-question = Really start every step again from the beginning?
start-over-keys =
    Enter or Y: yes, start again
    Esc or N: no, go back

pending-title = Interrupted change
pending-body = Last time a change was started but not finished:
pending-finish = Finish it
pending-undo = Undo it
pending-window-title = Port still open
pending-window-body = Last time the program opened port { $port } in the firewall so that Let's Encrypt can check the certificate. It is still open. Closed is safer: the program opens it again by itself when the certificate needs it.
pending-window-keep = Leave it open
pending-window-close = Close it (recommended)
pending-done = The interrupted change has been cleaned up.
pending-failed = The interrupted change could not be cleaned up. The details are in the log.

override-title = Continue anyway?
override-body = The check failed. Only go on if you are sure (for example with your IT support on the phone). Your decision is recorded.

dialog-yes-no = Enter or Y: yes     Esc or N: no
dialog-details-show = D: show details (the exact commands)
dialog-details-hide = D or Esc: hide details
dialog-choose-hint = ↑/↓ choose, Enter confirm

journal-change-file = file { $path } written
journal-change-firewall = firewall window for port { $port } opened
journal-change-command = command run: { $command }

## Port forwards and firewall
ports-policy-title = Port 80 between renewals (↑/↓):
ports-policy-permanent = The forward stays (recommended: renewal runs alone)
ports-policy-ondemand = Switch the forward by hand (reminder by e-mail)
ports-plan-title = Internet address (←/→):
ports-plan-unknown = please choose
ports-plan-static = fixed (assigned by the provider)
ports-plan-dyndns = changing, DynDNS is set up
ports-plan-dynamic = changing, no DynDNS yet
ports-confirm = Both forwards are set up (space bar)
ports-public-unknown = This server's public address could not be found out.
ports-public-unknown-fix = Check that the server reaches the internet. The next step tests reachability directly.
firewall-commands = These commands open the port:
firewall-open-hint = Press O (or F4) to open the port and start the check.
firewall-window-open = Port open; it closes by itself in { $minutes } minutes.
firewall-open-failed-fix = The firewall was not changed. Show the message to your IT support (D shows details).
firewall-back-to-dns = Go back to the DNS step and enter the address.
firewall-probe-failed-fix = Stop the program that holds the port, or choose another port with --responder-port (and change the router's forward to match).
firewall-confirm-title = Open the port?
firewall-confirm-question = Open port { $port } now for { $minutes } minutes?
firewall-confirm-commands = The commands the program runs for it:
firewall-confirm-body = So that Let's Encrypt can check this server, the program opens port { $port } in the firewall, for { $minutes } minutes only. It closes by itself afterwards, even if the connection drops. The change is recorded; "praxis-tls undo" takes it back.
check-public-ip = Public address
check-firewall = Firewall
check-reachability = Reachable from the internet
check-ipv6-path = IPv6 and Let's Encrypt
key-open = F4/O open port
key-choose-ports = ↑/↓ ←/→ choose

firewall-commands-hidden = D shows the commands that open the port.

## Certificate
check-dry-run = Dry run (staging)
check-certificate = Certificate
cert-source-title = Where does the certificate come from? (↑/↓)
cert-choice-letsencrypt = Let's Encrypt (free, trusted by every browser; recommended)
cert-choice-own = A certificate the practice already has (file)
cert-choice-self-signed = Self-signed (last resort: browsers show a warning)
cert-email = E-mail for Let's Encrypt:
cert-letsencrypt-how = First a dry run in the staging environment, then the real certificate. Enter starts.
cert-own-cert = Certificate (PEM or .p12):
cert-own-key = Key (empty for .p12):
cert-own-passphrase = Passphrase (if needed):
cert-own-how = Tab moves to the next field, Enter checks and takes the files.
cert-name = Name:
cert-issuer = Issued by:
cert-until = Valid until:
cert-run-dry = Dry run
cert-run-real = Certificate
cert-confirm-title = Get the certificate?
cert-confirm-dry = With "Yes" you agree to Let's Encrypt's terms of service. The gist: you request certificates only for names that belong to your practice, and you tell Let's Encrypt if the key falls into the wrong hands. The full text is at { $url }. Then the dry run starts; if it works, the real certificate follows at once.
cert-confirm-real = With "Yes" you agree to Let's Encrypt's terms of service. The gist: you request certificates only for names that belong to your practice, and you tell Let's Encrypt if the key falls into the wrong hands. The full text is at { $url }. Then the program gets the real certificate.
cert-confirm-budget = The last attempt failed. Let's Encrypt still allows { $failures } failed attempts this hour and { $duplicates } certificates for this name this week.
cert-confirm-self-signed = A self-signed certificate encrypts the connection, but every browser shows your patients a warning. Only as a stopgap until a real certificate is there.
cert-confirm-self-signed-question = Create a self-signed certificate anyway?
cert-dry-run-ok = The dry run worked: Let's Encrypt reaches this server.
cert-ready = Issued by { $issuer }, valid until { $until } ({ $days } days left).
cert-self-signed-failed = The self-signed certificate could not be created.
cert-gate-start = Enter starts the issuance.
key-field = Tab field
key-issue = Enter issue
key-write = Enter write files
key-restart = Enter restart

done-files = Certificate:
done-files-dir = in the folder
done-security-title = For safety
done-security =
    The appointment service is safest on a machine or virtual machine of its own, apart from the practice network, reaching the database only with a user of its own with narrow rights. Your IT support sets it up like this (choose the password yourself):
      CREATE USER '{ $user }'@'{ $host }' IDENTIFIED BY '…';
      GRANT SELECT, INSERT, UPDATE ON elexis.AGNTERMINE TO '{ $user }'@'{ $host }';
      GRANT SELECT ON elexis.KONTAKT TO '{ $user }'@'{ $host }';
    The appointment service never needs DELETE or DROP.
