# shellcheck shell=bash disable=SC2034 # render_template reads the locals by name
# Dovecot: IMAP on 127.0.0.1:IMAP_PORT, LMTP on 127.0.0.1:LMTP_PORT, plus the
# SASL socket Postfix uses for SMTP AUTH. Master runs as root, mail processes
# as the dovecot user.

dovecot_pid() {
  live_pid_from_file "$DOVECOT_BASE_DIR/master.pid" dovecot "$DOVECOT_BASE_DIR"
}

dovecot_render() {
  local DOVECOT_INSTANCE DOVECOT_UID DOVECOT_GID DEMO_PASSWORD=digima-demo
  DOVECOT_INSTANCE="digima-$(basename "$DATA_DIR")"
  DOVECOT_UID=$(id -u dovecot) || die "user dovecot not found (package dovecot-core)"
  DOVECOT_GID=$(id -g dovecot)
  render_template "$REPO/ops/dovecot/dovecot.conf.template" \
    DOVECOT_INSTANCE DOVECOT_BASE_DIR DOVECOT_STATE_DIR DOVECOT_LOG DEMO_PASSWORD \
    MAIL_DIR DOVECOT_UID DOVECOT_GID DOVECOT_MAIL_FSYNC IMAP_PORT LMTP_PORT DOVECOT_OAUTH2_CONF DOVECOT_SIEVE_RULES
}

dovecot_check_ports() {
  local pid
  if pid=$(dovecot_pid); then
    { config_differs "$DOVECOT_CONF" "$(dovecot_render)" \
      || config_differs "$DOVECOT_OAUTH2_CONF" "$(oauth_render_dovecot)"; } \
      && die "Dovecot for $DATA_DIR runs (pid $pid) with other settings (ports?); run './digima services stop' first"
    return 0
  fi
  require_free_port "$IMAP_PORT" "Dovecot IMAP" "$IMAP_PORT_VAR"
  require_free_port "$LMTP_PORT" "Dovecot LMTP" "$LMTP_PORT_VAR"
}

dovecot_start() {
  local pid
  command -v dovecot >/dev/null 2>&1 || die "dovecot not found (packages dovecot-imapd, dovecot-lmtpd)"
  [[ -e /usr/lib/dovecot/modules/lib90_sieve_plugin.so ]] || die "Dovecot's Sieve plugin not found (package dovecot-sieve)"
  if pid=$(dovecot_pid); then
    say "Dovecot already running (pid $pid): reusing it"
    return 0
  fi
  mkdir -p "$DOVECOT_DIR" "$DOVECOT_BASE_DIR" "$DOVECOT_STATE_DIR" "$MAIL_DIR"
  chmod 755 "$DOVECOT_DIR" "$DOVECOT_BASE_DIR"
  # Mail homes are created on first delivery/login by processes running as dovecot.
  chown dovecot:dovecot "$MAIL_DIR"
  chmod 750 "$MAIL_DIR"
  dovecot_render >"$DOVECOT_CONF"
  # Sieve compiles the shared rules as the dovecot user, next to the script.
  mkdir -p "$(dirname "$DOVECOT_SIEVE_RULES")"
  cp "$REPO/ops/dovecot/rules.sieve" "$DOVECOT_SIEVE_RULES"
  chown -R dovecot:dovecot "$(dirname "$DOVECOT_SIEVE_RULES")"
  oauth_render_dovecot >"$DOVECOT_OAUTH2_CONF"
  touch "$DOVECOT_LOG"

  say "starting Dovecot (IMAP 127.0.0.1:$IMAP_PORT, LMTP 127.0.0.1:$LMTP_PORT)"
  if ! dovecot -c "$DOVECOT_CONF" </dev/null >>"$DOVECOT_LOG" 2>&1; then
    show_log_tail "$DOVECOT_LOG"
    die "Dovecot did not start (config $DOVECOT_CONF, log $DOVECOT_LOG)"
  fi
  wait_for_greeting "$IMAP_PORT" '* OK' 'a LOGOUT' 'Dovecot IMAP' "$DOVECOT_LOG"
  wait_for_greeting "$LMTP_PORT" '220' 'QUIT' 'Dovecot LMTP' "$DOVECOT_LOG"
  local deadline=$((SECONDS + 20))
  until [[ -S $DOVECOT_SASL_SOCKET ]]; do
    ((SECONDS < deadline)) || die "Dovecot SASL socket $DOVECOT_SASL_SOCKET did not appear"
    sleep 0.1
  done
}

# Dovecot's stop is asynchronous: signal the master, then wait for it to go.
dovecot_stop() {
  local pid
  pid=$(dovecot_pid) || return 0
  say "stopping Dovecot (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  wait_pid_gone "$pid" Dovecot
}

dovecot_status() {
  local pid
  if pid=$(dovecot_pid); then
    printf '%-11s up    pid %-7s IMAP 127.0.0.1:%s, LMTP 127.0.0.1:%s  (log %s)\n' \
      Dovecot "$pid" "$IMAP_PORT" "$LMTP_PORT" "$DOVECOT_LOG"
  else
    printf '%-11s down              IMAP 127.0.0.1:%s, LMTP 127.0.0.1:%s\n' Dovecot "$IMAP_PORT" "$LMTP_PORT"
    return 1
  fi
}
