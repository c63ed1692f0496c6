## Further systems of the practice (src/core/orthanc.rs, express_gateway.rs,
## src/io/practice_ca.rs, express_gateway.rs)

## Orthanc: its configuration file cannot be read

orthanc-syntax-unclosed-comment = In Orthanc's configuration file { $path }, a comment starts with "/*" on line { $line } (character { $column }) and never ends with "*/". The program leaves the file unchanged. Ask your IT support to fix that spot.
orthanc-syntax-unclosed-string = In Orthanc's configuration file { $path }, a closing quotation mark is missing on line { $line } (character { $column }). The program leaves the file unchanged. Ask your IT support to fix that spot.
orthanc-syntax-bad-escape = In Orthanc's configuration file { $path }, a text on line { $line } (character { $column }) contains an invalid backslash "\". The program leaves the file unchanged. Ask your IT support to fix that spot.
orthanc-syntax-control-in-string = In Orthanc's configuration file { $path }, a text on line { $line } (character { $column }) contains an invisible control character. The program leaves the file unchanged. Ask your IT support to fix that spot.
orthanc-syntax-unexpected = Orthanc's configuration file { $path } has an error on line { $line } (character { $column }): probably a missing comma or bracket, or one character too many. The program leaves the file unchanged. Ask your IT support to fix that spot.
orthanc-syntax-unexpected-end = Orthanc's configuration file { $path } stops in the middle on line { $line } (for example, a closing bracket "{"}"}" is missing). The program leaves the file unchanged. Ask your IT support to check the file.
orthanc-syntax-not-object = The file { $path } is not an Orthanc configuration file: it must start with "{"{"}" (line { $line }, character { $column }). Check that you chose the right file.
orthanc-syntax-trailing = In Orthanc's configuration file { $path }, something follows the last closing bracket "{"}"}" (line { $line }, character { $column }). The program leaves the file unchanged. Ask your IT support to fix that spot.
orthanc-syntax-too-deep = Orthanc's configuration file { $path } is nested too deeply from line { $line } (character { $column }) to be edited safely. The program leaves the file unchanged. Ask your IT support to check it.
