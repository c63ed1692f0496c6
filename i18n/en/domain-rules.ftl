# Checking the name under which patients find the appointment service.
# Each message says why the name does not work and what to type instead.

domain-error-empty = Please enter the name under which patients should find the appointment service, for example termine.my-practice.ch.
domain-error-wildcard = A name with * stands for many names at once; this program does not support that. Enter exactly one name, for example termine.my-practice.ch.
domain-error-ip-address = { $input } is an IP address, not a name. Let's Encrypt issues no certificate for it here, and it often changes. Enter the name you bought from your registrar, for example termine.my-practice.ch.
domain-error-email = { $input } looks like an e-mail address. Enter only the name, without the part before the @, for example termine.my-practice.ch.
domain-error-whitespace = The name contains a space. Internet names have no spaces; use a hyphen instead, for example termine.my-practice.ch.
domain-error-invalid-character = The character “{ $char }” cannot appear in a name. Letters, digits, the hyphen and the dot are allowed. Enter only the name, without port or path, for example termine.my-practice.ch.
domain-error-empty-label = Something is missing between two dots (for example “..” or a dot at the start). Check the spelling, for example termine.my-practice.ch.
domain-error-hyphen-edge = The part “{ $label }” starts or ends with a hyphen. No registrar allows that; a hyphen may only stand between letters or digits.
domain-error-label-too-long = The part “{ $label }” is too long: { $length } characters, at most { $max } are allowed (accented letters count several times). Choose a shorter name.
domain-error-too-long = The name is too long: { $length } characters, at most { $max } are allowed (accented letters count several times). Choose a shorter name.
domain-error-idna = The name contains characters that cannot be turned into an internet address. Check the spelling, or use only plain letters, digits and hyphens.
domain-error-no-dot = “{ $name }” is only a computer name inside the practice network – patients cannot reach it. Enter the full name with your domain, for example termine.my-practice.ch.
domain-error-internal-suffix = .{ $suffix } is known only inside the practice network – neither patients nor Let's Encrypt can reach this name. Enter the name you bought from your registrar, for example termine.my-practice.ch.
domain-error-public-suffix = “{ $name }” is only an ending that nobody owns alone. Put your own domain in front of it, for example termine.my-practice.{ $name }.
domain-error-unknown-suffix = The ending .{ $suffix } does not exist on the internet. Check the spelling; common endings are .ch, .li, .de or .com.
domain-hint-registered-itself = Note: { $domain } is your domain itself. A separate name for the appointment service is usual, for example { $suggestion }. Both work; the name only has to point to your internet connection.
domain-error-too-many-labels = The name has { $count } parts separated by dots. Let's Encrypt issues certificates only for names of at most { $max } parts. Choose a shorter name, for example termine.my-practice.ch.
domain-error-invisible = At position { $position } the name contains an invisible character: { $kind ->
        [zero-width-space] a zero-width space
        [zero-width-joiner] a zero-width joiner
        [byte-order-mark] an invisible start-of-text mark
        [soft-hyphen] a hidden hyphen
        [word-joiner] an invisible word joiner
        [direction-mark] a writing-direction mark
       *[other] a control character
    } ({ $code }). It comes along when copying from an e-mail or a document. Delete the whole name and type it again by hand.
domain-hint-www = Note: { $name } begins with www. That is usual for the practice's website, not for the appointment service; the usual name would be { $suggestion }. Both work; the name only has to point at your connection.
domain-warning-mixed-scripts = Caution: the name mixes two alphabets. It contains { $script ->
        [cyrillic] Cyrillic
        [greek] Greek
        [armenian] Armenian
       *[other] foreign
    } letters that look like ours but are different ones. Letter by letter (the foreign ones in square brackets): { $spelled }. If you did not mean this, type the name again by hand.
