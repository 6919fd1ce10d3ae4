# shellcheck shell=bash disable=SC2034 # render_template reads the locals by name
# `./digima cluster`: two app nodes on one machine behind an nginx of our own, sharing the dev
# profile's PostgreSQL, OAuth server, Dovecot and Postfix. The nodes run the build output
# (bin/Release) in the background with their pids in DATA_DIR/run/node-a.pid and node-b.pid;
# nginx runs from NGINX_DIR (the services folder, which its workers can reach) with the site
# ops/nginx/digima.conf, the file docs/scale-out.md gives as the production example.

CLUSTER_NODES=(a b)

cluster_node_pid() { # a|b
  live_pid_from_file "$RUN_DIR/node-$1.pid" dotnet
}

cluster_node_port() { # a|b
  if [[ $1 == a ]]; then printf '%s\n' "$NODE_A_PORT"; else printf '%s\n' "$NODE_B_PORT"; fi
}

nginx_pid() {
  live_pid_from_file "$NGINX_DIR/nginx.pid" nginx
}

cluster_check_ports() {
  local node pid p
  local -A seen=()
  for p in "$PG_PORT" "$IMAP_PORT" "$SMTP_PORT" "$LMTP_PORT" "$OAUTH_PORT" "$NODE_A_PORT" "$NODE_B_PORT" "$CLUSTER_PORT"; do
    [[ -z ${seen[$p]:-} ]] || die "port $p is given twice; check DIGIMA_NODE_A_PORT, DIGIMA_NODE_B_PORT, DIGIMA_CLUSTER_PORT and the servers' ports"
    seen[$p]=1
  done
  for node in "${CLUSTER_NODES[@]}"; do
    if pid=$(cluster_node_pid "$node"); then
      die "node $node already runs (pid $pid); './digima down' stops the cluster"
    fi
  done
  ! pid=$(nginx_pid) || die "the cluster's nginx already runs (pid $pid); './digima down' stops it"
  require_free_port "$NODE_A_PORT" "cluster node a" DIGIMA_NODE_A_PORT
  require_free_port "$NODE_B_PORT" "cluster node b" DIGIMA_NODE_B_PORT
  require_free_port "$CLUSTER_PORT" "cluster nginx" DIGIMA_CLUSTER_PORT
}

# Starts one node from the build output in the background, like the OAuth server: it outlives
# this script and `./digima down` stops it by its pid.
cluster_node_start() { # a|b
  local node=$1 port log=$LOG_DIR/node-$1.log
  port=$(cluster_node_port "$node")
  app_environment "http://127.0.0.1:$port" "http://127.0.0.1:$CLUSTER_PORT"
  touch "$log"
  (
    cd "$REPO/Digima.Blazor/bin/Release/net10.0"
    exec env "${APP_ENV[@]}" \
      Digima__Proxy__KnownProxies__0=127.0.0.1 \
      dotnet Digima.Blazor.dll
  ) </dev/null >>"$log" 2>&1 &
  printf '%s\n' "$!" >"$RUN_DIR/node-$node.pid"
  say "node $node starting (pid $!, http://127.0.0.1:$port, log: $log)"
}

nginx_start() {
  mkdir -p "$NGINX_DIR/tmp"
  local LISTEN="127.0.0.1:$CLUSTER_PORT" NODE_A="127.0.0.1:$NODE_A_PORT" NODE_B="127.0.0.1:$NODE_B_PORT"
  render_template "$REPO/ops/nginx/nginx.conf" NGINX_DIR >"$NGINX_DIR/nginx.conf"
  render_template "$REPO/ops/nginx/digima.conf" LISTEN NODE_A NODE_B >"$NGINX_DIR/digima.conf"
  # -e: the error log from the first line on (else /var/log/nginx before the file is read).
  if ! nginx -p "$NGINX_DIR" -e "$NGINX_DIR/error.log" -c "$NGINX_DIR/nginx.conf"; then
    show_log_tail "$NGINX_DIR/error.log"
    die "nginx did not start (config: $NGINX_DIR/nginx.conf)"
  fi
  local deadline=$((SECONDS + 10)) pid
  until pid=$(nginx_pid); do
    ((SECONDS < deadline)) || die "nginx wrote no pid file in $NGINX_DIR"
    sleep 0.1
  done
  say "nginx started (pid $pid, http://127.0.0.1:$CLUSTER_PORT -> nodes $NODE_A_PORT, $NODE_B_PORT)"
}

cluster_start() {
  local build_log=$DATA_DIR/build.log started=$SECONDS node
  say "building the app (log: $build_log)"
  if ! (cd "$REPO" && dotnet build "$APP_PROJECT" -c Release) </dev/null >"$build_log" 2>&1; then
    show_log_tail "$build_log" 30
    die "the app did not build (log: $build_log)"
  fi
  say "  built in $((SECONDS - started))s"
  for node in "${CLUSTER_NODES[@]}"; do
    cluster_node_start "$node"
  done
  nginx_start
  for node in "${CLUSTER_NODES[@]}"; do
    wait_for_http "$(cluster_node_port "$node")" /healthz "node $node" "$LOG_DIR/node-$node.log" 180
  done
  wait_for_http "$CLUSTER_PORT" /healthz "nginx" "$NGINX_DIR/error.log" 20
}

# Safe at any time: only live processes of ours are stopped.
cluster_stop() {
  local pid node
  if pid=$(nginx_pid); then
    say "stopping nginx (pid $pid)"
    kill -QUIT "$pid" 2>/dev/null || true
    wait_pid_gone "$pid" nginx
  fi
  for node in "${CLUSTER_NODES[@]}"; do
    if pid=$(cluster_node_pid "$node"); then
      say "stopping node $node (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      wait_pid_gone "$pid" "node $node"
    fi
    rm -f "$RUN_DIR/node-$node.pid"
  done
}

cluster_status() {
  local pid node
  for node in "${CLUSTER_NODES[@]}"; do
    if pid=$(cluster_node_pid "$node"); then
      printf '%-11s up    pid %-7s HTTP 127.0.0.1:%s\n' "node $node" "$pid" "$(cluster_node_port "$node")"
    fi
  done
  if pid=$(nginx_pid); then
    printf '%-11s up    pid %-7s HTTP 127.0.0.1:%s  (config %s)\n' nginx "$pid" "$CLUSTER_PORT" "$NGINX_DIR/nginx.conf"
  fi
}
