# Files the wizard does not even read: too large, nested too deeply, not an ordinary file.

limit-file-too-large = The file { $file } is larger than { $max }. Nobody writes a file that large by hand, so the wizard does not read it. Please check that it is the right file.
limit-file-too-deep = The file { $file } is nested more than { $max } levels deep in line { $line }. Nobody writes a file like that by hand, so the wizard does not read it. Please have your IT support check the file.
limit-not-a-file = { $file } is not an ordinary file (it is a device or a pipe, for example). The wizard does not read from it. Please give an ordinary file.
