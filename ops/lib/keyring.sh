# shellcheck shell=bash
# The certificate that encrypts the app's Data Protection key ring (the keys that protect
# mailbox passwords and sign-in cookies). The ring itself lives in PostgreSQL; this file must
# not, so a copy of the database alone opens nothing. Development and bench keep one per data
# folder; a test run gets a fresh one with its fresh folder. Every node started by ./digima (the
# app, the test hosts, the two-node tests' child processes, the benchmarks) reads the same file
# through Digima__DataProtection__CertificatePath.

# Creates DATA_DIR/keyring/dataprotection.pfx (RSA 3072, no password: the folder is the user's
# own) unless it exists, and exports its path for the app.
ensure_key_ring_certificate() {
  local dir=$DATA_DIR/keyring
  local pfx=$dir/dataprotection.pfx
  if [[ ! -s $pfx ]]; then
    mkdir -p "$dir"
    chmod 700 "$dir"
    openssl req -x509 -newkey rsa:3072 -sha256 -days 3650 -nodes \
      -subj "/CN=Digima Mail key ring ($PROFILE)" \
      -keyout "$dir/key.pem" -out "$dir/cert.pem" >/dev/null 2>&1 \
      || die "openssl could not create the key ring certificate in $dir"
    openssl pkcs12 -export -inkey "$dir/key.pem" -in "$dir/cert.pem" -out "$pfx" -passout pass: \
      || die "openssl could not write $pfx"
    rm -f "$dir/key.pem" "$dir/cert.pem"
    chmod 600 "$pfx"
    say "key ring certificate created: $pfx"
  fi
  export Digima__DataProtection__CertificatePath=$pfx
}
