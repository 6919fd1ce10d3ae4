# shellcheck shell=bash
# The servers together, in dependency order: PostgreSQL; the development OAuth
# server (Dovecot introspects its tokens); Dovecot (LMTP and the SASL socket
# Postfix needs); Postfix.

services_start() {
  prepare_data_dir
  # Check every port first, so a conflict never leaves half the servers up.
  pg_check_port
  oauth_check_port
  dovecot_check_ports
  postfix_check_ports
  pg_start
  oauth_start
  dovecot_start
  postfix_start
}

# Stop in reverse order. Each step only acts on a server whose pid file
# points at a live process of ours, so this is safe to run at any time.
services_stop() {
  postfix_stop
  dovecot_stop
  oauth_stop
  pg_stop
}

# Exit status 0 when all are up, 3 otherwise (like LSB init scripts).
services_status() {
  local rc=0
  printf 'data folder: %s\n' "$DATA_DIR"
  pg_status || rc=3
  oauth_status || rc=3
  dovecot_status || rc=3
  postfix_status || rc=3
  return "$rc"
}

# Stop whatever a previous (perhaps killed) run left in DATA_DIR.
services_stop_leftovers() {
  [[ -e $SRV_LINK ]] || return 0
  services_stop
}
