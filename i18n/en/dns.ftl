# DNS: the domain and its name records. Read by the practice assistant, not
# by IT staff: short sentences, and always what to do next.

## Is the domain registered? (delegation)

dns-delegation-ok = The domain { $domain } is registered. Its name servers: { $nameservers }.
dns-delegation-not-registered = The domain { $domain } is not registered. The internet does not know it.
dns-delegation-register-switch =
    First check the spelling. If it is right, register { $domain } with a registrar accredited by SWITCH. nic.ch lists them (www.nic.ch/registrars).
    It usually takes a few hours until the domain is known everywhere. Then check again.
dns-delegation-register-nic =
    First check the spelling. If it is right, register { $domain } with a registrar for the ending .{ $tld }. A good starting point is usually nic.{ $tld }.
    It usually takes a few hours until the domain is known everywhere. Then check again.
dns-delegation-no-ns = The name { $domain } exists, but it has no name servers of its own. It is not set up as a domain of its own.
dns-delegation-no-ns-fix = Enter the domain exactly as you bought it. If it is right, ask your domain provider which name servers are set for { $domain }.
dns-delegation-servfail = The name servers for the domain { $domain } do not answer properly. The domain is set up wrongly at the provider.
dns-delegation-servfail-fix = Call your domain provider and say: "The name servers of { $domain } answer SERVFAIL." Let's Encrypt can only check the domain once this is fixed.

## IPv4 address (A record)

dns-a-ok = { $name } points to the internet address { $addresses }.
dns-a-nxdomain = The name { $name } does not exist on the internet yet. Nobody can find your appointment page under this name.
dns-a-none = The name { $name } exists, but it points to no internet address.
dns-a-missing-fix =
    At your domain provider, add an A record for { $name } with your practice's public internet address.
    If your connection has no fixed address, set up DynDNS in the router instead ({ router-menu-dyndns }).
    A change sometimes takes an hour to reach everyone. Then check again.
dns-a-not-public =
    { $name } points to { $address }. { $kind ->
        [private] This address only works inside the practice's network.
        [cgnat] This address belongs to your internet provider's network, not to your connection.
        [loopback] This address always points to the device itself.
        [link-local] This address only works inside the local network.
       *[other] This address belongs to no device on the internet.
    } It cannot be reached from the internet.
dns-a-not-public-fix =
    { $kind ->
        [cgnat] Your connection has no public IPv4 address of its own (DS-Lite or CGNAT). Let's Encrypt cannot reach your server this way. Ask your internet provider for a public IPv4 address and set it for { $name }.
       *[other] Set your practice's public internet address for { $name }. That is the address your router gets from the internet provider; step 5 (port forwards) shows it. DynDNS in the router does this automatically ({ router-menu-dyndns }).
    } If your own DNS server gives the inside address here on purpose, you may go on anyway.

## IPv6 address (AAAA record)

dns-aaaa-none = { $name } has no IPv6 address. That is fine: Let's Encrypt then checks over IPv4.
dns-aaaa-public = { $name } also has an IPv6 address: { $addresses }. This is not an error, but good to know.
dns-aaaa-public-fix =
    Let's Encrypt tries this IPv6 address first. Only if no connection comes about there does it use the IPv4 address.
    With DynDNS, many routers publish their own IPv6 address and let no connection in from outside. Then IPv4 works.
    A later step checks what really answers at this address. There is nothing to do now.
dns-aaaa-not-public =
    { $name } has the IPv6 address { $address }. { $kind ->
        [unique-local] This address only works inside the practice's network.
        [link-local] This address only works inside the local network.
        [loopback] This address always points to the device itself.
       *[other] This address belongs to no device on the internet.
    } It cannot be reached from the internet.
dns-aaaa-not-public-fix =
    At your domain provider, delete the AAAA record for { $name }. If it comes from DynDNS, switch off the IPv6 address there.
    If your own DNS server gives the inside address here on purpose, you may go on anyway.

## Aliases (CNAME)

dns-cname-none = { $name } is not an alias of another name (no CNAME). That is fine.
dns-cname-chain = { $name } is an alias of another name: { $chain }. That is fine.
dns-cname-loop = The aliases of { $name } go round in a circle: { $chain }. Nobody can find an address this way.
dns-cname-loop-fix = At your domain provider, change one of the aliases so that the chain ends at a name with an internet address. Or replace the alias for { $name } with an A record.
dns-cname-dead-end = { $name } is an alias of { $target } ({ $chain }). But { $target } has no internet address.
dns-cname-dead-end-fix = Give { $target } an internet address, or let the alias point to a name that has one. Usually that is the name at your DynDNS provider: check its spelling there.

## Who may issue certificates? (CAA)

dns-caa-none = { $name } has no CAA records. So any certificate authority may issue certificates, Let's Encrypt too.
dns-caa-allows = The CAA record at { $owner } allows Let's Encrypt to issue certificates for { $name }.
dns-caa-no-issue = There are CAA records at { $owner }, but none limits who may issue certificates for { $name }. Let's Encrypt is allowed.
dns-caa-one-account = The CAA record at { $owner } allows Let's Encrypt for one particular account only.
dns-caa-one-account-fix =
    This only works if this wizard uses exactly that Let's Encrypt account. If in doubt, ask your IT support. Or add this record at your domain provider:
    { $owner } CAA 0 issue "letsencrypt.org"
dns-caa-method = The CAA record at { $owner } allows Let's Encrypt only with another validation method. This wizard needs the HTTP-01 method.
dns-caa-denies = The CAA record at { $owner } allows certificates for { $name } only from: { $issuers }. Let's Encrypt is not among them and will refuse.
dns-caa-denies-all = The CAA record at { $owner } forbids every certificate authority to issue certificates for { $name }. Let's Encrypt will refuse too.
dns-caa-add-fix =
    Add this record at your domain provider. The other records may stay.
    { $owner } CAA 0 issue "letsencrypt.org"
dns-caa-critical = At { $owner } there is a CAA record of type "{ $tag }", marked as critical. Let's Encrypt does not know this type and will therefore refuse.
dns-caa-critical-fix = Have your domain provider delete the CAA record "{ $tag }" at { $owner }, or remove its "critical" mark (flag 128). If in doubt, ask your IT support.

## When a lookup does not work

dns-lookup-servfail = The name servers of your domain give no valid answer for { $name }. They are broken or set up wrongly.
dns-lookup-servfail-fix = Call your domain provider and say: "The name servers answer SERVFAIL for { $name }." Then check again.
dns-lookup-timeout = No answer came for { $name }. This can also be caused by the DNS server here in the practice.
dns-lookup-timeout-fix = Wait a moment and check again. If it stays like this, check this server's internet connection. If you are sure everything is entered correctly, you may go on anyway.
dns-lookup-refused = The DNS server refused the question about { $name }.
dns-lookup-refused-fix = This is usually the DNS server here in the practice. Ask your IT support. If you are sure everything is entered correctly, you may go on anyway.
dns-lookup-other = The question about { $name } failed. The details are in the technical details.
dns-lookup-other-fix = Check this server's internet connection and check again. If it stays like this, show the technical details to your IT support. You may go on anyway.
