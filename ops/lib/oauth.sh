# shellcheck shell=bash disable=SC2034 # render_template reads the locals by name
# The development OAuth 2.0 authorization server (Digima.DevOAuth, OpenIddict) on
# 127.0.0.1:OAUTH_PORT. Dovecot introspects the tokens it issues, so it starts
# before Dovecot. Its tokens live as long as the process (ephemeral keys, a store
# made afresh at start): a restart signs every mailbox connected with OAuth out
# (docs/decisions/0010-development-oauth-server.md).

OAUTH_PROJECT_DIR=Digima.DevOAuth
# The resource server Dovecot introspects as; the secret is a development value.
OAUTH_INTROSPECTION_CLIENT=dovecot
OAUTH_INTROSPECTION_SECRET=dovecot-introspection

oauth_pid() {
  live_pid_from_file "$OAUTH_PID_FILE" dotnet "$REPO/$OAUTH_PROJECT_DIR"
}

# What the server was started with; a running server with other settings is not reused.
oauth_settings() {
  printf 'port=%s access_token_lifetime=%s app_ports=%s,%s\n' "$OAUTH_PORT" "$OAUTH_ACCESS_TOKEN_LIFETIME" "$HTTP_PORT" "$CLUSTER_PORT"
}

oauth_render_dovecot() {
  render_template "$REPO/ops/dovecot/dovecot-oauth2.conf.ext.template" \
    OAUTH_INTROSPECTION_CLIENT OAUTH_INTROSPECTION_SECRET OAUTH_PORT
}

oauth_check_port() {
  local pid
  if pid=$(oauth_pid); then
    config_differs "$OAUTH_SETTINGS_FILE" "$(oauth_settings)" \
      && die "the OAuth server for $DATA_DIR runs (pid $pid) with other settings; run './digima services stop' first"
    return 0
  fi
  require_free_port "$OAUTH_PORT" "development OAuth server" "$OAUTH_PORT_VAR"
}

oauth_start() {
  local pid
  if pid=$(oauth_pid); then
    say "OAuth server already running (pid $pid): reusing it"
    return 0
  fi
  touch "$OAUTH_LOG"
  mkdir -p "$(dirname "$OAUTH_STORE")"
  local started=$SECONDS
  say "building the development OAuth server (log: $OAUTH_LOG)"
  if ! (cd "$REPO" && dotnet build "$OAUTH_PROJECT_DIR" -c Release) </dev/null >>"$OAUTH_LOG" 2>&1; then
    show_log_tail "$OAUTH_LOG" 30
    die "the development OAuth server did not build (log: $OAUTH_LOG)"
  fi
  say "starting the OAuth server (http://127.0.0.1:$OAUTH_PORT, access tokens live $OAUTH_ACCESS_TOKEN_LIFETIME; built in $((SECONDS - started))s)"
  # In its project folder, which is its content root (appsettings.json). A
  # background child of a script ignores Ctrl-C, so it outlives `up` like the
  # other servers; `down` stops it by its pid.
  (
    cd "$REPO/$OAUTH_PROJECT_DIR"
    exec env ASPNETCORE_URLS="http://127.0.0.1:$OAUTH_PORT" \
      DevOAuth__AccessTokenLifetime="$OAUTH_ACCESS_TOKEN_LIFETIME" \
      DevOAuth__StorePath="$OAUTH_STORE" \
      DevOAuth__Clients__0__RedirectUris__0="http://127.0.0.1:$HTTP_PORT/mailboxes/oauth/callback" \
      DevOAuth__Clients__0__RedirectUris__1="http://127.0.0.1:$CLUSTER_PORT/mailboxes/oauth/callback" \
      DevOAuth__ResourceServers__0__ClientId="$OAUTH_INTROSPECTION_CLIENT" \
      DevOAuth__ResourceServers__0__ClientSecret="$OAUTH_INTROSPECTION_SECRET" \
      dotnet "bin/Release/net10.0/Digima.DevOAuth.dll"
  ) </dev/null >>"$OAUTH_LOG" 2>&1 &
  printf '%s\n' "$!" >"$OAUTH_PID_FILE"
  oauth_settings >"$OAUTH_SETTINGS_FILE"
  wait_for_http "$OAUTH_PORT" /.well-known/openid-configuration 'development OAuth server' "$OAUTH_LOG" 60
}

oauth_stop() {
  local pid
  pid=$(oauth_pid) || { rm -f "$OAUTH_PID_FILE"; return 0; }
  say "stopping the OAuth server (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  wait_pid_gone "$pid" "OAuth server"
  rm -f "$OAUTH_PID_FILE"
}

oauth_status() {
  local pid
  if pid=$(oauth_pid); then
    printf '%-11s up    pid %-7s HTTP 127.0.0.1:%s  (log %s)\n' OAuth "$pid" "$OAUTH_PORT" "$OAUTH_LOG"
  else
    printf '%-11s down              HTTP 127.0.0.1:%s\n' OAuth "$OAUTH_PORT"
    return 1
  fi
}
