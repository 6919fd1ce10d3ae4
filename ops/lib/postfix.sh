# shellcheck shell=bash disable=SC2034 # render_template reads the locals by name
# Postfix: a second instance (own config, queue and data folders) with SMTP on
# 127.0.0.1:SMTP_PORT that hands every message to Dovecot's LMTP.

postfix_pid() {
  live_pid_from_file "$POSTFIX_QUEUE_DIR/pid/master.pid" master "$POSTFIX_QUEUE_DIR"
}

postfix_render_main() {
  local POSTFIX_HOSTNAME
  POSTFIX_HOSTNAME="digima-$(basename "$DATA_DIR").localhost"
  render_template "$REPO/ops/postfix/main.cf.template" \
    POSTFIX_CONFIG_DIR POSTFIX_QUEUE_DIR POSTFIX_DATA_DIR POSTFIX_LOG LOG_DIR \
    POSTFIX_HOSTNAME LMTP_PORT DOVECOT_SASL_SOCKET
}

postfix_render_master() {
  render_template "$REPO/ops/postfix/master.cf.template" SMTP_PORT
}

postfix_check_ports() {
  local pid
  if pid=$(postfix_pid); then
    if config_differs "$POSTFIX_CONFIG_DIR/main.cf" "$(postfix_render_main)" \
        || config_differs "$POSTFIX_CONFIG_DIR/master.cf" "$(postfix_render_master)"; then
      die "Postfix for $DATA_DIR runs (pid $pid) with other settings (ports?); run './digima services stop' first"
    fi
    return 0
  fi
  require_free_port "$SMTP_PORT" "Postfix SMTP" "$SMTP_PORT_VAR"
}

postfix_start() {
  local pid
  command -v postfix >/dev/null 2>&1 || die "postfix not found (package postfix)"
  if pid=$(postfix_pid); then
    say "Postfix already running (pid $pid): reusing it"
    return 0
  fi
  mkdir -p "$POSTFIX_CONFIG_DIR" "$POSTFIX_QUEUE_DIR" "$POSTFIX_DATA_DIR"
  # Postfix insists on these owners and modes; its start-up check refuses others.
  chown root:root "$POSTFIX_CONFIG_DIR" "$POSTFIX_QUEUE_DIR"
  chmod 755 "$SRV/postfix" "$POSTFIX_CONFIG_DIR" "$POSTFIX_QUEUE_DIR"
  chown postfix:postfix "$POSTFIX_DATA_DIR"
  chmod 700 "$POSTFIX_DATA_DIR"
  postfix_render_main >"$POSTFIX_CONFIG_DIR/main.cf"
  postfix_render_master >"$POSTFIX_CONFIG_DIR/master.cf"
  touch "$POSTFIX_LOG"

  say "starting Postfix (SMTP 127.0.0.1:$SMTP_PORT)"
  # Without a terminal Postfix reports start-up errors only to syslog, which a
  # development box or CI may not have; capture its output into the log file.
  if ! postfix -c "$POSTFIX_CONFIG_DIR" start </dev/null >>"$POSTFIX_LOG" 2>&1; then
    show_log_tail "$POSTFIX_LOG"
    die "Postfix did not start (config $POSTFIX_CONFIG_DIR, log $POSTFIX_LOG)"
  fi
  wait_for_greeting "$SMTP_PORT" '220' 'QUIT' 'Postfix SMTP' "$POSTFIX_LOG"
}

# `postfix stop` only signals the master; wait until it has really exited.
postfix_stop() {
  local pid
  pid=$(postfix_pid) || return 0
  say "stopping Postfix (pid $pid)"
  postfix -c "$POSTFIX_CONFIG_DIR" stop </dev/null >>"$POSTFIX_LOG" 2>&1 \
    || kill -TERM "$pid" 2>/dev/null || true
  wait_pid_gone "$pid" Postfix
}

postfix_status() {
  local pid
  if pid=$(postfix_pid); then
    printf '%-11s up    pid %-7s SMTP 127.0.0.1:%s  (log %s)\n' Postfix "$pid" "$SMTP_PORT" "$POSTFIX_LOG"
  else
    printf '%-11s down              SMTP 127.0.0.1:%s\n' Postfix "$SMTP_PORT"
    return 1
  fi
}
