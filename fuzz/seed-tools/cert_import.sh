#!/usr/bin/env bash
# Writes the seed corpus of the `cert_import` fuzz target (run once; the
# files are committed). Every key made here is THROWAWAY TEST MATERIAL:
# made on the spot, for no host anyone serves, its passphrase "test-only".
# Each seed is one mode byte (see `cert_import` in ../src/lib.rs) and a file.
#
#   fuzz/seed-tools/cert_import.sh [OUT_DIR]   default: fuzz/corpus/cert_import
set -euo pipefail
out=$(realpath -m "${1:-$(dirname "$0")/../corpus/cert_import}")
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"

O="/O=praxis-tls fuzz TEST ONLY"
host=termine.praxis-muster.ch
pass=pass:test-only
ossl() { openssl "$@" 2>/dev/null; }

ossl ecparam -name prime256v1 -genkey -noout -out ca.sec1
ossl pkcs8 -topk8 -nocrypt -in ca.sec1 -out ca.key
ossl req -x509 -new -key ca.key -subj "$O/CN=TEST ONLY fuzz CA" -days 3650 \
    -addext basicConstraints=critical,CA:true -out ca.crt
ossl ecparam -name prime256v1 -genkey -noout -out leaf.sec1
ossl pkcs8 -topk8 -nocrypt -in leaf.sec1 -out leaf.key
ossl req -new -key leaf.key -subj "$O/CN=$host" -out leaf.csr
printf 'subjectAltName=DNS:%s\n' "$host" >ext
ossl x509 -req -in leaf.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
    -extfile ext -out leaf.crt
ossl req -x509 -new -key leaf.key -subj "$O/CN=$host" -days 3650 \
    -addext "subjectAltName=DNS:$host" -out self.crt
ossl genrsa -traditional -out rsa.key 2048
ossl req -x509 -new -key rsa.key -subj "$O/CN=$host" -days 3650 \
    -addext "subjectAltName=DNS:$host" -out rsa.crt
# One PBKDF2 round: enough to take the decryption path, cheap to fuzz.
ossl pkcs8 -topk8 -v2 aes-256-cbc -iter 1 -passout $pass -in leaf.key -out leaf.enc.key
ossl ec -in leaf.sec1 -aes128 -passout $pass -out leaf.legacy.key
ossl pkcs12 -export -inkey leaf.key -in leaf.crt -certfile ca.crt -passout $pass \
    -iter 1 -maciter -out leaf.p12
for f in ca leaf self; do ossl x509 -in $f.crt -outform DER -out $f.crt.der; done
ossl pkcs8 -topk8 -nocrypt -in leaf.key -outform DER -out leaf.key.der
ossl pkcs8 -topk8 -v2 aes-256-cbc -iter 1 -passout $pass -in leaf.key -outform DER -out leaf.enc.der
ossl ec -in leaf.sec1 -outform DER -out leaf.sec1.der

label='TEST-ONLY throwaway material for fuzzing praxis-tls; never use it.'
# seed NAME MODE FILE... : mode byte, then the files (PEM ones after the label)
seed() {
    local name=$1 mode=$2
    shift 2
    { printf "\\x$mode"; if [ "${mode:0:1}" = 0 ] && [[ "$1" != *.der && "$1" != *.p12 ]]; then printf '%s\n' "$label"; fi; cat "$@"; } >"$out/$name"
}
# mode: bits 0-1 passphrase (0 none, 2 test-only, 3 wrong), 2-4 form
# (0 file, 1-5 DER items as PEM), 5-6 clock (0 valid, 1 before, 2 after), 7 host
seed pem-self-signed-pkcs8 00 self.crt leaf.key
seed pem-chain-pkcs8 00 leaf.crt ca.crt leaf.key
seed pem-leaf-without-ca 00 leaf.crt leaf.key
seed pem-self-signed-sec1 00 self.crt leaf.sec1
seed pem-rsa-pkcs1 00 rsa.crt rsa.key
seed pem-key-mismatch 00 self.crt ca.key
seed pem-encrypted-pkcs8 02 self.crt leaf.enc.key
seed pem-encrypted-no-passphrase 00 self.crt leaf.enc.key
seed pem-encrypted-wrong-passphrase 03 self.crt leaf.enc.key
seed pem-legacy-encrypted 02 self.crt leaf.legacy.key
seed pem-not-yet-valid 20 self.crt leaf.key
seed pem-expired 40 self.crt leaf.key
seed pem-other-host 80 self.crt leaf.key
seed pem-only-key 00 leaf.key
seed p12-chain 02 leaf.p12
seed p12-no-passphrase 00 leaf.p12
seed p12-wrong-passphrase 03 leaf.p12
seed der-certificate 04 self.crt.der
seed der-chain-pkcs8 08 leaf.crt.der ca.crt.der leaf.key.der
seed der-self-signed-sec1 0c self.crt.der leaf.sec1.der
seed der-encrypted-pkcs8 16 self.crt.der leaf.enc.der
seed der-pkcs8-as-is 00 leaf.key.der

# Truncated and mutated variants.
head -c 300 "$out/pem-self-signed-pkcs8" >"$out/truncated-pem"
head -c 800 "$out/p12-chain" >"$out/truncated-p12"
head -c 200 "$out/der-chain-pkcs8" >"$out/truncated-der-chain"
# A flipped byte in the leaf's signature (its last byte): the chain breaks.
{ printf '\x08'; head -c -1 leaf.crt.der; printf '\x00'; cat ca.crt.der leaf.key.der; } \
    >"$out/der-chain-bad-signature"
# PEM without END line, and a BEGIN line that is not one.
{ printf '\x00'; head -n -1 self.crt; cat leaf.key; } >"$out/pem-missing-end"
{ printf '\x00-----BEGIN CERTIFICATE----\n'; tail -n +2 self.crt; cat leaf.key; } >"$out/pem-bad-begin"
ls "$out" | wc -l
