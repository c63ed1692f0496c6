## Port forwards: the server in the practice network and the router's guide.
## Each guide names the firmware it is written for.

ports-lan = This server in the practice network: address { $lan }, device name { $device }
ports-lan-unknown = This server in the practice network: device name { $device } (the router shows the address in its list of devices)

router-seen-upnp = Recognised: your router calls itself { $name }.
router-seen-page = Recognised by your router's start page: { $name }.
router-seen-provider = Recognised by the name of your line ({ $name }): this provider mostly supplies this router. If yours is another one, its own guide applies.
router-seen-unknown = The router seen is { $name }. There is no guide of its own for it here, so the general one follows.
router-seen-nothing = Your router did not make itself known, so the general guide follows.
router-seen-asking = The router is being asked which model it is; until then the general guide applies.
router-detail = Technical, for the IT supporter: router { $gateway }; UPnP: { $upnp }; start page title: { $page }; PTR of the public address: { $ptr }

router-generic-title = How it works on most routers:
router-generic-forward = Port forward: the router's menu calls it port forwarding, port sharing, NAT or virtual servers. Enter this server as the target: { $target }, protocol TCP.
router-generic-dyndns = Name for a changing address (DynDNS): mostly in the Internet or Network menu. If the router cannot do it, a small program on this server does the job (ddclient).
router-generic-ipv6 = New internet addresses (IPv6): many routers let no IPv6 in from the internet. That is fine: Let's Encrypt then checks over IPv4. Forward port 80 for IPv4 only.

router-fritzbox-title = How it works on the FRITZ!Box (written for FRITZ!OS 7 and 8; open http://fritz.box in the browser):
router-fritzbox-forward = Port forward: Internet > Permit Access > Port Sharing > Add Device for Sharing, choose the server { $device }, then New Sharing > Port Sharing, protocol TCP. Port to device is the port on the server, desired external port the port on the internet. (FRITZ!OS 6: New Port Sharing in the same menu.)
router-fritzbox-dyndns = Name for a changing address (DynDNS): Internet > Permit Access > DynDNS, enter the details of your DynDNS provider there.
router-fritzbox-ipv6 = New internet addresses (IPv6): the FRITZ!Box lets no IPv6 in from the internet, only for sharings with IPv6 ticked. For port 80 tick IPv4 only; IPv6 for port 443 only if the name has an IPv6 record.

router-swisscom-title = How it works on Swisscom's Internet-Box (written for Internet-Box 3, 4 and plus with firmware 11.3 or later): open http://internetbox in the browser, log in with the admin password and switch on the view with all menus (called expert mode there).
router-swisscom-forward = Port forward: Network > NAT/PAT (the box's name for port forwards), one rule per port: protocol TCP, this server as the device: { $target }.
router-swisscom-dyndns = Name for a changing address (DynDNS): Network > DynDNS, enter provider and credentials.
router-swisscom-ipv6 = New internet addresses (IPv6): Network > Firewall. The level Strict (the default since 11.3) lets no IPv6 in from the internet; that is enough. Do not switch the firewall off.

router-sunrise-title = How it works on Sunrise's Connect Box (formerly UPC; written for the Connect Box CH7465LG with firmware from 2019): open http://192.168.0.1 in the browser, log in with the password from the underside of the box.
router-sunrise-forward = Port forward: Advanced settings > Security > Port forwarding, add a rule: this server as the target: { $target }, protocol TCP, ports as above.
router-sunrise-dyndns = Name for a changing address (DynDNS): if your box does not offer it under Advanced settings, a small program on this server does the job (ddclient).
router-sunrise-ipv6 = New internet addresses (IPv6): if the box has no IPv4 address of its own, only IPv6 (DS-Lite), it cannot be reached over IPv4. Then ask Sunrise for an IPv4 address of your own. Forward port 80 for IPv4 only.

router-salt-title = How it works on Salt's Fiber Box (written for the Salt Fiber Box with firmware from 2020; menu names may differ slightly by version): open http://192.168.1.1 in the browser, log in with the admin password from the box.
router-salt-forward = Port forward: in the Network menu, the item Port forwarding (NAT), one rule per port: protocol TCP, target { $target }.
router-salt-dyndns = Name for a changing address (DynDNS): in the Network menu under DynDNS, otherwise a small program on this server (ddclient).
router-salt-ipv6 = New internet addresses (IPv6): the Fiber Box's firewall lets no IPv6 in from the internet. That is enough; forward port 80 for IPv4 only.

router-speedport-title = How it works on Telekom's Speedport (written for Speedport Smart 3 and 4): open http://speedport.ip in the browser, log in with the device password from the back.
router-speedport-forward = Port forward: Internet > Port sharing > Port redirection and port forwarding, new rule: device { $target }, protocol TCP; for port 80 a redirection to port { $port }.
router-speedport-dyndns = Name for a changing address (DynDNS): Internet > Dynamic DNS.
router-speedport-ipv6 = New internet addresses (IPv6): Internet > Port sharing > IPv6 port sharing. Without an entry no IPv6 comes in; add none for port 80.

router-vodafone-title = How it works on the Vodafone Station (written for the cable models by Arris and Technicolor with firmware from 2020): open http://192.168.0.1 in the browser, log in with the device password, switch on the view with all menus (called expert mode there).
router-vodafone-forward = Port forward: Internet > Port forwarding, add a rule: device { $target }, protocol TCP.
router-vodafone-dyndns = Name for a changing address (DynDNS): Internet > DDNS.
router-vodafone-ipv6 = New internet addresses (IPv6): many cable lines have no IPv4 address of their own, only IPv6 (DS-Lite), and cannot be reached over IPv4. Then ask Vodafone for an IPv4 address of your own (dual stack). Forward port 80 for IPv4 only.

## The recognised router's menus, for the fixes on later steps.
## $router: fritzbox, swisscom, sunrise, salt, speedport, vodafone; generic (no
## known router recognised); unknown (step 5 has not looked yet).

router-menu-forward = { $router ->
        [fritzbox] FRITZ!Box: Internet > Permit Access > Port Sharing
        [swisscom] Internet-Box (view with all menus, expert mode): Network > NAT/PAT
        [sunrise] Connect Box: Advanced settings > Security > Port forwarding
        [salt] Fiber Box: Network > Port forwarding
        [speedport] Speedport: Internet > Port sharing > Port redirection and port forwarding
        [vodafone] Vodafone Station (view with all menus, expert mode): Internet > Port forwarding
        [generic] the router's menu mostly calls it port forwarding, port sharing, NAT or virtual servers
       *[unknown] step 5 shows where it is in your router's menu
    }
router-menu-dyndns = { $router ->
        [fritzbox] FRITZ!Box: Internet > Permit Access > DynDNS
        [swisscom] Internet-Box (view with all menus, expert mode): Network > DynDNS
        [sunrise] Connect Box: under Advanced settings, where the box offers it
        [salt] Fiber Box: Network > DynDNS
        [speedport] Speedport: Internet > Dynamic DNS
        [vodafone] Vodafone Station: Internet > DDNS
        [generic] mostly in the router's Internet or Network menu
       *[unknown] step 5 shows where it is in your router's menu
    }
router-menu-upnp-status = { $router ->
        [fritzbox] On a FRITZ!Box, switch on "Statusinformationen über UPnP übertragen" (transmit status information over UPnP) under Heimnetz > Netzwerk > Netzwerkeinstellungen; then the wizard can tell for certain whether your line has a shared address (DS-Lite) or a second router in front.
       *[other] If your router offers to report its state on the practice network (status information over UPnP), switch it on; then the wizard can tell for certain whether your line has a shared address (DS-Lite) or a second router in front.
    }
