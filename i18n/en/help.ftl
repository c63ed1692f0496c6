# F1 on every step: what the step is for, what you do, what often goes
# wrong and who helps. The glossary (G) explains the technical words.

help-glossary-key = G or F1: words explained (technical terms A to Z)
key-glossary = G words
glossary-title = Words explained
glossary-intro = Every technical word this program shows, in one or two sentences. Your IT support knows the words in brackets.
glossary-close = Esc or G: back to the help     Enter: close
key-glossary-back = Esc back to the help
key-dialog-close-enter = Enter close

language-help =
    What for: here you choose the language the program speaks to you in. F2 or L changes it at any time.
    What you do: choose a language with arrow up/down, then Enter. "Deutsch (Schweiz)" writes words the Swiss way, for example "Strasse".
    What often goes wrong: umlauts show as odd characters. Then PuTTY's character set is wrong: Window > Translation > UTF-8.
    Who helps: your IT support.
    What the whole program does: it sets up your practice's appointment booking so that patients reach it safely over the internet (with the padlock in the browser). It takes you there in 14 steps and checks each one.
start-help =
    What for: the program looks for the Elexis installation for appointments (Elexis-OOB) on this server. Everything else builds on it.
    What you do: usually the folder is found and filled in already: just press Enter. Otherwise choose a found folder with arrow up/down or type the path, for example /opt/elexis-oob.
    What often goes wrong: the folder is misspelt, or Elexis-OOB is not running right now. The program says what is missing and what to do. If this program does not run on the Elexis server at all, "continue anyway" (F3 or Ctrl+W) goes on.
    Who helps: your IT support, who set up Elexis-OOB.
domain-help =
    What for: here you set the internet address where patients book appointments, for example termine.meine-praxis.ch.
    What you do: type "termine." followed by your practice's name on the internet (domain), then Enter. Without https:// and without www.
    What often goes wrong: a typo, an invisible character from a copied address, or a letter from another alphabet. The program shows such characters.
    Who helps: the company the practice bought its domain from (registrar, for example Hostpoint or Infomaniak), or your IT support.
dns-help =
    What for: so that patients find the appointment service, the name must point to your practice's internet connection in the internet's address book (DNS).
    What you do: check that every check is in order. If not: at your domain provider, set the address entry (A record) for "termine" to your connection's address. If that address changes, the router reports it by itself (automatic address report, DynDNS; { router-menu-dyndns }; without a suitable router a small program on the server, ddclient). Then wait a few minutes and press F5 or R.
    What often goes wrong: the entry still points to an old address, or the domain's issuer entry (CAA) does not allow Let's Encrypt.
    Who helps: your domain provider (registrar) or your IT support.
ports-help =
    What for: the router normally lets nothing in from outside. Two forwards (port forwards) pass exactly the appointment requests to this server, nothing else.
    What you do: set up both forwards in the router as the screen describes, then Space and Enter.
    The guide for your router is on the step itself, below the server's address (PgDn).
    What often goes wrong: "Exposed Host" and "Permit independent port sharing (UPnP)" would put every service of the server on the internet, including the administration and the database. Leave both off for this server.
    Who helps: your internet provider (for the router's password) or your IT support.
firewall-help =
    What for: the server has its own protection against access from outside (firewall). For the certificate, Let's Encrypt must be let in briefly.
    What you do: press O or F4 and answer the question with Y. The program opens exactly one way in (port) for 15 minutes, then checks from outside whether the server can be reached.
    What often goes wrong: the check does not arrive. Usually the router's forward is missing (step 5) or points to another computer.
    Who helps: your IT support; D shows them the exact commands.
certificate-help =
    What for: the certificate is the appointment service's ID card. With it your patients' browsers show the padlock instead of a warning. Let's Encrypt issues it for free.
    What you do: enter an e-mail address of the practice and press Enter. First comes a dry run, which does not count; if it works, the real certificate follows.
    What often goes wrong: Let's Encrypt cannot reach the server (the router's forward, step 5). Every failed attempt counts: at most 5 an hour are allowed. So change something first before you try again.
    Who helps: your IT support.
install-help =
    What for: the certificate and its secret key go to a safe place on the server that only the administrator (root) can read.
    What you do: if the program runs on the Elexis server, it does this itself: Enter. Otherwise it can send the files across, or your IT support puts them in place following the instructions; then Space and Enter.
    What often goes wrong: the key ends up in a folder that the appointment service on the internet can read too. The program does not allow that.
    Who helps: your IT support.
proxy-help =
    What for: a go-between program (proxy, here Traefik) takes the requests from the internet and shows the certificate. It must know where the certificate is.
    What you do: read what the program wants to change (the sentence above each file says it), then Enter and Y. Every file is backed up first. D shows the exact lines.
    What often goes wrong: someone has already changed the files by hand. Then the program asks instead of overwriting anything.
    Who helps: your IT support. "praxis-tls undo" takes everything back.
restart-help =
    What for: the new settings apply only after Elexis-OOB restarts.
    What you do: choose a quiet moment, then Enter and Y. For a minute or two nobody in the practice can work with Elexis; the database stops too.
    What often goes wrong: a part does not start, or another program already holds port 443. The program names it; Enter tries again, "praxis-tls undo" restores the old state.
    Who helps: your IT support.
final-help =
    What for: at the end the program checks everything as your patients see it: padlock, valid certificate, and nothing else reachable from outside.
    What you do: open the address on your mobile phone with Wi-Fi off. If the padlock shows with no warning: Space, then Enter.
    What often goes wrong: inside the practice network the router often cannot reach its own connection from inside (hairpin NAT). Hence the test over the phone network.
    Who helps: your IT support.
systems-help =
    What for: here you can secure two more systems of the practice, if you want. If you have neither, just press Enter.
    Orthanc (image archive) on the practice network: a certificate authority on the internet cannot check a name like pacs.praxis.lan. So the program makes a certificate authority of the practice's own (practice CA). Install its certificate once on every practice computer; then the browsers trust Orthanc.
    On request every person gets a browser certificate of their own: Orthanc then opens only on computers that have one.
    Express Gateway (AIoTES): gets a Let's Encrypt certificate for its own name, the same way as the appointment service. The name must point to the same address in DNS as the appointment name.
    What you do: arrow up/down chooses, Tab moves to the next field, Enter shows the change before anything is written.
    What often goes wrong: the path of the settings file is wrong. The program says so before it writes anything.
    Who helps: your IT support or whoever looks after the image archive.
autorenew-help =
    What for: a Let's Encrypt certificate is valid for a few weeks only. So that no warning ever shows, the server renews it by itself from now on.
    What is set up here: a schedule on this server (with systemd a "timer", otherwise an entry for cron) starts "praxis-tls renew" twice a day. The program then checks whether the certificate expires soon and gets a new one in time.
    For that it needs the program in a fixed place. If the wizard is running from another folder, it copies itself to /usr/local/sbin.
    If something goes wrong during renewal, the server sends an e-mail to the address you enter here. Your IT support knows the mail server (SMTP) details: server name, sender, user name and password. Ctrl+T sends a test e-mail right away.
    What you do: arrow up/down chooses, Tab moves to the next field, Enter sets it up (after asking once more).
    What often goes wrong: the test e-mail does not arrive. Then the mail server details are wrong; ask your IT support.
    To take it back: "praxis-tls undo" removes the schedule again.
    Who helps: your IT support.
done-help =
    What for: done. This sums up what is set up and where the files are.
    What you do: read on with Enter to the end, then Enter quits the program. "praxis-tls status" shows the state at any time later.
    What often goes wrong: nothing more today. If an e-mail about a failed renewal comes later, pass it on to your IT support.
    Who helps: your IT support. Show them the section "For safety" too.
