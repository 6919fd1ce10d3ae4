# shellcheck shell=bash
# PostgreSQL: a private cluster in DATA_DIR/services/pg, on 127.0.0.1:PG_PORT.

# Use the real binaries of the packaged major version: /usr/local/bin may hold
# wrappers with other behaviour, and pg_ctlcluster would want /etc/postgresql.
pg_bin_dir() {
  if [[ -n ${DIGIMA_PG_BIN:-} ]]; then
    printf '%s\n' "$DIGIMA_PG_BIN"
    return
  fi
  local dir
  dir=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  [[ -n $dir && -x $dir/pg_ctl ]] || die "PostgreSQL binaries not found under /usr/lib/postgresql (package postgresql)"
  printf '%s\n' "$dir"
}

# Run a PostgreSQL tool as the postgres user from a folder it may enter
# (initdb and psql complain when the current folder is unreadable to them).
as_postgres() {
  (cd / && runuser -u postgres -- "$@")
}

pg_pid() {
  local pid
  pid=$(live_pid_from_file "$PG_DATA/postmaster.pid" postgres "$PG_DATA") || return 1
  printf '%s\n' "$pid"
}

# Port the running cluster listens on (line 4 of postmaster.pid).
pg_running_port() {
  sed -n 4p "$PG_DATA/postmaster.pid" 2>/dev/null
}

pg_check_port() {
  local pid port
  if pid=$(pg_pid); then
    port=$(pg_running_port)
    [[ $port == "$PG_PORT" ]] \
      || die "PostgreSQL for $DATA_DIR already runs on port $port (pid $pid), not $PG_PORT; run './digima services stop' first"
  else
    require_free_port "$PG_PORT" PostgreSQL "$PG_PORT_VAR"
  fi
}

pg_start() {
  local bin pid
  bin=$(pg_bin_dir)
  if pid=$(pg_pid); then
    say "PostgreSQL already running (pid $pid, port $(pg_running_port)): reusing it"
    pg_ensure_role_and_db "$bin"
    return 0
  fi

  if [[ ! -s $PG_DATA/PG_VERSION ]]; then
    say "creating the PostgreSQL cluster in $PG_DATA"
    rm -rf "$PG_DATA"
    mkdir -m 700 "$PG_DATA"
    chown postgres:postgres "$PG_DATA"
    # C.UTF-8, not C: with a C ctype pg_trgm ignores Japanese characters.
    as_postgres "$bin/initdb" -D "$PG_DATA" -E UTF8 --locale=C.UTF-8 -U postgres \
      --auth-local=trust --auth-host=scram-sha-256 >"$LOG_DIR/initdb.log" 2>&1 \
      || { show_log_tail "$LOG_DIR/initdb.log"; die "initdb failed"; }
    printf "\n# Digima Mail settings (rendered from ops/postgres/)\ninclude 'digima.conf'\n" \
      >>"$PG_DATA/postgresql.conf"
  fi

  # A pid file left by a crash whose number now belongs to another process
  # would make postgres refuse to start; pg_pid above proved it is not ours.
  rm -f "$PG_DATA/postmaster.pid"

  render_template "$REPO/ops/postgres/postgresql.conf.template" \
    PG_PORT PG_DATA PG_FSYNC PG_SYNC_COMMIT PG_FULL_PAGE_WRITES >"$PG_DATA/digima.conf"
  render_template "$REPO/ops/postgres/pg_hba.conf.template" >"$PG_DATA/pg_hba.conf"
  chown postgres:postgres "$PG_DATA/digima.conf" "$PG_DATA/pg_hba.conf"
  touch "$PG_LOG"
  chown postgres:postgres "$PG_LOG"

  say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  if ! as_postgres "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 20 -s start </dev/null; then
    show_log_tail "$PG_LOG"
    die "PostgreSQL did not start (log: $PG_LOG)"
  fi
  local deadline=$((SECONDS + 20))
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; do
    if ((SECONDS >= deadline)); then
      show_log_tail "$PG_LOG"
      die "PostgreSQL does not accept connections on 127.0.0.1:$PG_PORT (log: $PG_LOG)"
    fi
    sleep 0.2
  done
  pg_ensure_role_and_db "$bin"
}

# Role digima (password login, may create the tests' throwaway databases) and
# database digima owned by it. Idempotent, so it runs on every start.
pg_ensure_role_and_db() {
  local bin=$1
  as_postgres "$bin/psql" -X -q -h "$PG_DATA" -p "$PG_PORT" -d postgres -v ON_ERROR_STOP=1 \
    >>"$PG_LOG" 2>&1 <<'SQL' || { show_log_tail "$PG_LOG"; die "could not create role/database digima"; }
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'digima') THEN
    CREATE ROLE digima LOGIN CREATEDB PASSWORD 'digima-dev';
  ELSE
    ALTER ROLE digima LOGIN CREATEDB PASSWORD 'digima-dev';
  END IF;
END
$$;
SELECT 'CREATE DATABASE digima OWNER digima'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'digima')\gexec
SQL
}

pg_stop() {
  local pid
  pid=$(pg_pid) || return 0
  say "stopping PostgreSQL (pid $pid)"
  as_postgres "$(pg_bin_dir)/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 -s stop </dev/null \
    || warn "pg_ctl stop failed; waiting for pid $pid anyway"
  wait_pid_gone "$pid" PostgreSQL
}

pg_status() {
  local pid
  if pid=$(pg_pid); then
    printf '%-11s up    pid %-7s 127.0.0.1:%s  (log %s)\n' PostgreSQL "$pid" "$(pg_running_port)" "$PG_LOG"
  else
    printf '%-11s down              127.0.0.1:%s\n' PostgreSQL "$PG_PORT"
    return 1
  fi
}
