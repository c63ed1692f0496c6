# Schweizer Schreibweise der Router-Anleitungen (ss), wo sie von de abweicht.
router-swisscom-forward = Portfreigabe: Netzwerk > NAT/PAT (so heissen dort die Portfreigaben), für jeden Port eine Regel: Protokoll TCP, als Gerät diesen Server: { $target }.
