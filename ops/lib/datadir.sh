# shellcheck shell=bash disable=SC2034 # the paths set here are read by the other ops/lib files
# Layout of a data folder (DATA_DIR), shared by `up`, `test` and `bench`:
#
#   DATA_DIR/.digima-data        marker: ./digima made this folder and may wipe it
#   DATA_DIR/run/app.pid         the app started by `./digima up`
#   DATA_DIR/run/node-a.pid, node-b.pid  the app nodes of `./digima cluster`
#   DATA_DIR/run/oauth.pid       the development OAuth server (and oauth.settings,
#                                oauth/store.db: its SQLite store, new at every start)
#   DATA_DIR/services/           everything the servers own; a real folder, or a
#                                link into /var/lib/digima/<hash> (see below)
#     pg/                        PostgreSQL cluster, owned by postgres; also holds
#                                its unix socket and postmaster.pid
#     dovecot/dovecot.conf       rendered from ops/dovecot/ (with dovecot-oauth2.conf.ext)
#     dovecot/run/               Dovecot base_dir: master.pid, sockets (incl. the
#                                SASL socket Postfix uses)
#     dovecot/state/             Dovecot state_dir
#     mail/<domain>/<user>/      mail homes (Maildir), owned by dovecot
#     postfix/etc/               main.cf, master.cf rendered from ops/postfix/
#     postfix/queue/             queue_directory; pid/master.pid
#     postfix/data/              data_directory, owned by postfix
#     nginx/                     `cluster`: nginx.conf, digima.conf (rendered from ops/nginx/),
#                                nginx.pid, access.log, error.log, tmp/
#     log/                       postgres.log, dovecot.log, postfix.log, oauth.log,
#                                node-a.log, node-b.log (`cluster`)
#   DATA_DIR/results/, artifacts/  (test runs) TRX files and test artifacts
#
# Why services/ may live elsewhere: PostgreSQL, Dovecot and Postfix run their
# workers as their own unprivileged users, which must be able to walk down the
# path to their folders. A checkout under /root (mode 700) or a private home
# folder blocks them. Loosening the permissions of someone's home folder is not
# ours to do, so in that case the servers' folders go to /var/lib/digima/<hash
# of DATA_DIR> (persistent, not cleaned like /var/tmp) and DATA_DIR/services
# links there. The same happens when DATA_DIR is so deep that unix socket paths
# would pass the kernel's 107-byte limit.

SERVICE_HOME_ROOT=${DIGIMA_SERVICE_HOME_ROOT:-/var/lib/digima}
SERVICE_USERS=(postgres dovecot dovenull postfix)

# Set every path variable from DATA_DIR. Creates nothing.
layout_init() {
  DATA_MARKER=$DATA_DIR/.digima-data
  RUN_DIR=$DATA_DIR/run
  APP_PID_FILE=$RUN_DIR/app.pid
  OAUTH_PID_FILE=$RUN_DIR/oauth.pid
  OAUTH_SETTINGS_FILE=$RUN_DIR/oauth.settings
  OAUTH_STORE=$RUN_DIR/oauth/store.db
  SRV_LINK=$DATA_DIR/services
  if [[ -e $SRV_LINK ]]; then
    SRV=$(readlink -f "$SRV_LINK")
  else
    SRV=$SRV_LINK
  fi
  PG_DATA=$SRV/pg
  LOG_DIR=$SRV/log
  MAIL_DIR=$SRV/mail
  DOVECOT_DIR=$SRV/dovecot
  DOVECOT_CONF=$DOVECOT_DIR/dovecot.conf
  DOVECOT_OAUTH2_CONF=$DOVECOT_DIR/dovecot-oauth2.conf.ext
  DOVECOT_SIEVE_RULES=$DOVECOT_DIR/sieve/rules.sieve
  DOVECOT_BASE_DIR=$DOVECOT_DIR/run
  DOVECOT_STATE_DIR=$DOVECOT_DIR/state
  # Named "auth-postfix" in dovecot.conf.template; Postfix needs the full path.
  DOVECOT_SASL_SOCKET=$DOVECOT_BASE_DIR/auth-postfix
  POSTFIX_CONFIG_DIR=$SRV/postfix/etc
  POSTFIX_QUEUE_DIR=$SRV/postfix/queue
  POSTFIX_DATA_DIR=$SRV/postfix/data
  PG_LOG=$LOG_DIR/postgres.log
  DOVECOT_LOG=$LOG_DIR/dovecot.log
  POSTFIX_LOG=$LOG_DIR/postfix.log
  OAUTH_LOG=$LOG_DIR/oauth.log
  NGINX_DIR=$SRV/nginx
}

external_service_home() {
  printf '%s/%s\n' "$SERVICE_HOME_ROOT" "$(printf '%s' "$DATA_DIR" | sha256sum | cut -c1-12)"
}

# Can every service user traverse DIR (and so reach what lies below it)?
service_users_can_reach() {
  local dir=$1 user
  for user in "${SERVICE_USERS[@]}"; do
    id -u "$user" >/dev/null 2>&1 || continue
    runuser -u "$user" -- test -x "$dir" 2>/dev/null || return 1
  done
}

# Create DATA_DIR and the services folder (choosing where it lives, see top).
prepare_data_dir() {
  ((EUID == 0)) || die "the local servers run as their own users, which needs root: run with sudo"
  mkdir -p "$DATA_DIR" "$DATA_DIR/run"
  : >"$DATA_MARKER"
  if [[ ! -e $SRV_LINK && ! -L $SRV_LINK ]]; then
    if ((${#SRV_LINK} <= 70)) && service_users_can_reach "$DATA_DIR"; then
      mkdir -m 755 "$SRV_LINK"
    else
      local home
      home=$(external_service_home)
      mkdir -p "$home"
      chmod 755 "$SERVICE_HOME_ROOT" "$home"
      printf '%s\n' "$DATA_DIR" >"$home/.origin"
      ln -s "$home" "$SRV_LINK"
      say "server folders live in $home (linked from $SRV_LINK): the service users cannot reach $DATA_DIR"
    fi
  fi
  [[ -d $SRV_LINK ]] || die "$SRV_LINK is a dangling link; remove it and retry"
  layout_init
  service_users_can_reach "$SRV" \
    || die "the postgres/dovecot/postfix users cannot reach $SRV; remove $SRV_LINK and retry"
  mkdir -p "$LOG_DIR"
  chmod 755 "$SRV" "$LOG_DIR"
}

# Remove DATA_DIR (and its external server folder). Only folders carrying our
# marker (or empty ones) are removed, so a mistyped DIGIMA_TEST_DATA_DIR can
# never wipe something else. The caller stops the servers first.
wipe_data_dir() {
  [[ $DATA_DIR != / && $DATA_DIR != "$REPO" && $DATA_DIR != "${HOME:-/}" ]] \
    || die "refusing to wipe $DATA_DIR"
  if [[ -d $DATA_DIR && ! -e $DATA_MARKER && -n $(ls -A "$DATA_DIR") ]]; then
    die "refusing to wipe $DATA_DIR: it was not made by ./digima (no .digima-data file)"
  fi
  local home
  home=$(external_service_home)
  if [[ -L $SRV_LINK ]]; then
    local target
    target=$(readlink -f "$SRV_LINK" || true)
    [[ -n $target && $target == "$SERVICE_HOME_ROOT"/* ]] && rm -rf "$target"
  fi
  [[ -d $home ]] && rm -rf "$home"
  rm -rf "$DATA_DIR"
  layout_init
}
