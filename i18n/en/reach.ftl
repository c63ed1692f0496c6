### Reachability from outside, the Let's Encrypt check service and the firewall.

## Probe: what answers when the name is called from outside?

reach-probe-ok = The server can be reached from outside: the test file arrived correctly.
reach-probe-refused = The connection was refused. The request arrives, but no program is waiting there.
reach-probe-timeout = No answer. The request gets stuck on the way, usually at a missing port forwarding in the router or at a firewall.
reach-probe-unreachable = The address cannot be reached. There is no route to it.
reach-probe-router-page = The router itself answers ({ $vendor }), not this server. The port forwarding for port 80 is missing, or the router's remote access uses port 80.
reach-probe-https-redirect = The request is redirected to HTTPS ({ $location }). The test file is not there, so the check fails.
reach-probe-traefik = Traefik answers, the web server of Elexis-OOB. The router's port forwarding leads to port 80 instead of the check port.
reach-probe-other = Another web server answers (status { $status }, server { $server }), not the check service.
reach-probe-inside-untestable = Cannot be checked from inside: the test file did not arrive through the public address. From here a missing, a wrong and a correct port forward all look the same, because many routers do not send requests for their own address back into the practice network (that is not a fault).

## What to do

reach-fix-forward = Set up a port forwarding in the router: TCP port 80 from outside to this server, port { $port } ({ router-menu-forward }).
reach-fix-forward-firewall = Check the port forwarding in the router (port 80 from outside to this server, port { $port }; { router-menu-forward }) and whether a firewall in between blocks the port.
reach-fix-router-page = Set up the port forwarding: port 80 from outside to this server, port { $port } ({ router-menu-forward }). If the router's remote access uses port 80, move it to another port or switch it off.
reach-fix-forward-traefik = Change the port forwarding in the router: port 80 from outside must lead to this server, port { $port }, not to port 80 ({ router-menu-forward }).
reach-fix-test-outside = Check the port forward in the router: TCP port 80 from outside to this server, port { $port } (the guide for your router is on step 5). The real test is the dry run on step 7 (certificate): there Let's Encrypt checks from outside, and a failure costs nothing.
reach-fix-v4-forward = Check the port forwarding for port 80 in the router ({ router-menu-forward }) and that the name points to the right address.
reach-fix-v6-answered = Remove the AAAA record ({ $address }) at your domain provider, or make sure nothing answers on port 80 of that IPv6 address.

## Public address and DNS

reach-public-cgnat = Your internet connection has no public IPv4 address of its own (DS-Lite or carrier NAT). Let's Encrypt cannot reach the server this way, and the certificate cannot be issued like this.
reach-public-wan-private = The router itself only has a private address ({ $wan }). Another device or the provider's network in front of it does not pass requests from outside on.
reach-upnp-unread = The router's own address could not be asked for (UPnP). Many routers do not tell it, and that is not a fault. { router-menu-upnp-status }
reach-fix-cgnat = Ask your internet provider for a public IPv4 address (often called "real IPv4" or "dual stack"). Some providers switch this for free.
reach-dns-a-missing = The name has no A record (IPv4 address).
reach-dns-a-differs = The name points to { $dns }, but your connection has the address { $public }.
reach-dns-a-extra = The name points to several addresses ({ $dns }). Let's Encrypt picks one of them and may end up in the wrong place.
reach-dns-a-matches = The name points to your connection ({ $public }).
reach-dns-a-matches-dynamic = The name currently points to your connection ({ $public }). But your address changes now and then, and then the record is wrong.
reach-fix-a-set = At your domain provider, add an A record pointing to { $public }.
reach-fix-a-change = At your domain provider, change the A record to { $public }.
reach-fix-a-only = At your domain provider, keep only the A record with { $public } and delete the others.
reach-fix-dyndns = Set up DynDNS in the router so the record follows the address ({ router-menu-dyndns }). If your router cannot do it, a small program on this server does the job (ddclient).
reach-fix-dyndns-check = DynDNS has not entered the new address yet. Check the credentials in the router ({ router-menu-dyndns }) or the settings of the program on this server (ddclient).
## What Let's Encrypt will do when it checks

reach-v6-ok = Let's Encrypt checks over IPv6 ({ $address }), and the test file arrives correctly there.
reach-v6-answered = A web server answers on the IPv6 address { $address } (status { $status }, server { $server }). Let's Encrypt asks IPv6 first and accepts this wrong answer: the check fails.
reach-v6-fallback = The IPv6 address { $address } accepts no connection. Let's Encrypt therefore falls back to IPv4, and that works. This is fine.
reach-v6-fallback-router = The IPv6 address entry (AAAA record) points to { $address }, usually the router's own address (many routers enter it through DynDNS). The router accepts no connection there, Let's Encrypt falls back to IPv4, and that works. This is fine.
reach-v6-untested-server = The AAAA record points to this server ({ $address }). Traefik probably answers on port 80 there, and Let's Encrypt asks IPv6 first. This cannot be checked from here.
reach-v6-untested-router = The IPv6 address entry (AAAA record) points to { $address }, not to this server; probably the router itself. Most routers let no IPv6 in from outside, and then Let's Encrypt falls back to IPv4. Cannot be checked from here.
reach-v4-ok = Let's Encrypt reaches the server over IPv4 ({ $address }).
reach-v4-fails = The test file does not arrive over IPv4 ({ $address }).
reach-v4-untested = Whether Let's Encrypt reaches the server over IPv4 ({ $address }) could not be checked.

## The check service (HTTP-01)

responder-port-reserved = Port { $port } belongs to Elexis-OOB. Please choose another port.
responder-port-in-use = Port { $port } is already in use by the program { $program } (process { $pid }).
responder-port-in-use-unknown = Port { $port } is already in use by another program.
responder-bind-failed = The check service cannot start on { $address }: { $error }
responder-no-address = The check service has no address to wait on.
responder-invalid-token = Invalid check token from Let's Encrypt: { $token }

## Firewall on this server

firewall-plan-nftables = The firewall (nftables) opens port { $port } for { $minutes } minutes and closes it again by itself.
firewall-plan-nftables-foreign = The firewall (nftables) opens port { $port } for { $minutes } minutes, also in the existing rules ({ $chains }), and closes it again by itself.
firewall-plan-firewalld = The firewall (firewalld) opens port { $port } for { $minutes } minutes and closes it again by itself.
firewall-plan-ufw = The firewall (ufw) opens port { $port }. A timer removes the rule again after { $minutes } minutes, even if the connection drops.
firewall-plan-iptables = The firewall (iptables) opens port { $port }. A timer removes the rule again after { $minutes } minutes, even if the connection drops.
firewall-plan-none = No firewall is active on this server. Port { $port } can be reached while the check service runs (at most { $minutes } minutes).
firewall-command-failed = The firewall command did not work: { $command } ({ $error })
