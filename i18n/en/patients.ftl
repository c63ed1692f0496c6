## The final check as patients make it: the name resolved now, every address checked.

patients-no-address = Right now the internet finds no address for { $host }. Patients would not find the booking page.
patients-no-address-fix = Check the entry for "termine" at your domain provider (DNS, A record). It must point to the practice's public address. Then press F5 or R to check again.
patients-checked-here = Checked from inside: your router does not loop connections to its own address { $address } back. So the certificate was checked here on the server. Only a look from outside (a phone without Wi-Fi) shows whether it arrives the same way there.
patients-served-here = Here on the server the appointment service shows the new certificate; it is valid for { $days } more days. The program could not look from outside: your router does not loop connections to its own address { $address } back (that is not a fault).
patients-served-here-fix = Open https://{ $host } on a phone with Wi-Fi switched off: the padlock must appear, with no warning. Then tick «Checked on the phone» below.
patients-here-no-answer = Nothing answers on port { $port } of this server. This was checked here on the server, not through the router.
patients-here-no-answer-fix = Is Elexis-OOB running? Check the "Restart" step and restart Elexis-OOB if needed.
patients-points-elsewhere = The name { $host } points to the address { $address }. But your internet connection has the address { $own }. Patients end up somewhere else, and nothing answers there.
patients-points-elsewhere-fix = At your domain provider, change the entry for "termine" (DNS, A record) to { $own }. If your address changes, DynDNS in the router helps ({ router-menu-dyndns }).
patients-exposure-here = From inside it cannot be told whether other pages are reachable at { $address } from outside: the router does not loop connections to its own address back.
patients-tried-direct = Checked as patients do: { $host } directly at { $direct }.
patients-tried-here = Checked here on the server, for { $host } at { $here }: through the router it did not work from inside.
patients-tried-both = Checked as patients do: { $host } directly at { $direct }; for { $here } here on the server, because through the router it did not work from inside.

status-live-ok = Checked from outside ({ $addresses }): the appointment service shows the right certificate, and nothing internal is reachable.
status-live-problem = The check as patients make it ({ $addresses }) found a problem:

proxy-router-unpinnable = The page "{ $router }" has no fixed entrance. Traefik would also hand it out to the internet on port 443. The wizard cannot limit it to the practice network, because traefik has no entrance on port 80. Please ask your IT supporter to give "{ $router }" an entrance (entrypoints).
