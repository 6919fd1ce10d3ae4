# shellcheck shell=bash
# Shared helpers for ./digima: messages, packages, ports, pid files, templates.
# Sourced by ./digima; expects REPO to be set.

# ---------------------------------------------------------------- messages

if [[ -t 2 ]]; then
  _C_BOLD=$'\e[1m' _C_RED=$'\e[31m' _C_YEL=$'\e[33m' _C_OFF=$'\e[0m'
else
  _C_BOLD='' _C_RED='' _C_YEL='' _C_OFF=''
fi

say()  { printf '%s==>%s %s\n' "$_C_BOLD" "$_C_OFF" "$*" >&2; }
warn() { printf '%swarning:%s %s\n' "$_C_YEL" "$_C_OFF" "$*" >&2; }
die()  { printf '%serror:%s %s\n' "$_C_RED" "$_C_OFF" "$*" >&2; exit 1; }

# Print the last lines of a log file, indented, so a failure explains itself.
show_log_tail() {
  local log=$1 lines=${2:-30}
  if [[ -s $log ]]; then
    printf '    --- last %s lines of %s ---\n' "$lines" "$log" >&2
    tail -n "$lines" "$log" | sed 's/^/    /' >&2
  else
    printf '    (log %s is empty or missing)\n' "$log" >&2
  fi
}

# ---------------------------------------------------------------- packages

# Install the Debian packages that are missing, and only those: `--no-upgrade`
# leaves every package already installed as it is. apt's own output (hundreds
# of lines, with warnings that are harmless here) goes to DATA_DIR/apt.log; the
# terminal gets one line per step, and the end of the log when a step fails.
# apt runs under `timeout` and with stdin closed so CI (no terminal) can never
# hang on it; the dpkg lock wait covers an unattended-upgrades run holding the
# lock.
ensure_packages() {
  local missing=() pkg status
  command -v dpkg-query >/dev/null 2>&1 \
    || die "dpkg-query not found: this script expects Debian 12 (packages needed: $*)"
  for pkg in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [[ $status == installed ]] || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0

  command -v apt-get >/dev/null 2>&1 \
    || die "apt-get is not available; install these packages by hand: ${missing[*]}"
  ((EUID == 0)) \
    || die "installing packages needs root; run: sudo apt-get install ${missing[*]}"

  local log=$DATA_DIR/apt.log started=$SECONDS
  mkdir -p "$DATA_DIR"
  printf '==> %s: installing %s\n' "$(date -u '+%F %T UTC')" "${missing[*]}" >>"$log"
  say "installing missing Debian packages: ${missing[*]} (apt's output: $log)"
  local apt_opts=(-q -o DPkg::Lock::Timeout=120)
  say "  1/2 apt-get update"
  if ! timeout 600 apt-get update "${apt_opts[@]}" </dev/null >>"$log" 2>&1; then
    show_log_tail "$log" 20
    die "'apt-get update' failed or timed out after 10 min (log: $log); install by hand: apt-get install ${missing[*]}"
  fi
  say "  2/2 apt-get install (a few minutes on a fresh machine)"
  if ! DEBIAN_FRONTEND=noninteractive timeout 1800 \
      apt-get install -y --no-upgrade "${apt_opts[@]}" "${missing[@]}" </dev/null >>"$log" 2>&1; then
    show_log_tail "$log" 30
    die "'apt-get install ${missing[*]}' failed or timed out after 30 min (log: $log)"
  fi
  say "  packages installed in $((SECONDS - started))s"
}

# The app and the tests need the .NET 10 SDK; say so plainly when it is absent.
ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 \
    || die "'dotnet' is not on PATH: the .NET SDK 10 is required (https://dot.net)"
  local sdks
  sdks=$(dotnet --list-sdks 2>/dev/null || true)
  grep -q '^1[0-9]\.' <<<"$sdks" \
    || die "the .NET SDK 10 is required; 'dotnet --list-sdks' shows: ${sdks:-nothing}"
}

# ---------------------------------------------------------------- ports

# True when something accepts TCP connections on 127.0.0.1:PORT. A connect
# test needs no extra tools (ss/netstat may be missing on a fresh machine) and
# also sees listeners bound to 0.0.0.0.
port_in_use() {
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# Fail with a message naming the port, the service and the variable to change.
require_free_port() {
  local port=$1 what=$2 var=$3 who=''
  port_in_use "$port" || return 0
  if command -v ss >/dev/null 2>&1; then
    who=$(ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'users:(.*)' | head -n1 || true)
  fi
  die "port $port ($what) on 127.0.0.1 is already in use${who:+ by $who}.
       Stop that program, or pick another port: $var=<port> ./digima ${DIGIMA_COMMAND:-up}"
}

# Wait (bounded) until a line-based server on PORT greets with EXPECT, e.g.
# "* OK" for IMAP or "220" for SMTP/LMTP. QUIT keeps the server logs quiet.
wait_for_greeting() {
  local port=$1 expect=$2 quit=$3 what=$4 log=$5 secs=${6:-20} line
  local deadline=$((SECONDS + secs))
  while ((SECONDS < deadline)); do
    line=$(timeout 3 bash -c '
      exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
      IFS= read -r -t 2 greeting <&3 || exit 1
      printf "%s\r\n" "$2" >&3
      printf "%s" "$greeting"' _ "$port" "$quit" 2>/dev/null) || line=''
    [[ $line == "$expect"* ]] && return 0
    sleep 0.2
  done
  show_log_tail "$log"
  die "$what did not answer on 127.0.0.1:$port within ${secs}s (log: $log)"
}

# Wait (bounded) until an HTTP server on PORT answers GET PATH with 200. Plain
# bash (no curl on a fresh machine).
wait_for_http() {
  local port=$1 path=$2 what=$3 log=$4 secs=${5:-20} line
  local deadline=$((SECONDS + secs))
  while ((SECONDS < deadline)); do
    line=$(timeout 3 bash -c '
      exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
      printf "GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\n\r\n" "$2" "$1" >&3
      IFS= read -r -t 2 status <&3 || exit 1
      printf "%s" "$status"' _ "$port" "$path" 2>/dev/null) || line=''
    [[ $line == "HTTP/1."[01]" 200"* ]] && return 0
    sleep 0.3
  done
  show_log_tail "$log"
  die "$what did not answer on http://127.0.0.1:$port$path within ${secs}s (log: $log)"
}

# ---------------------------------------------------------------- processes

# Is PID a live (not zombie) process?
pid_running() {
  local pid=$1 stat
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  stat=$(cat "/proc/$pid/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

# Print the pid recorded in FILE when that process is alive AND is the
# expected program (COMM) AND, if CWD is given, works in that folder. This
# tells "our server is running" apart from a stale pid file whose number was
# reused by an unrelated process after a reboot.
live_pid_from_file() {
  local file=$1 comm=$2 cwd=${3:-} pid=''
  [[ -r $file ]] || return 1
  read -r pid <"$file" 2>/dev/null || true # a last line without newline still counts
  pid_running "$pid" || return 1
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$comm" ]] || return 1
  if [[ -n $cwd ]]; then
    [[ $(readlink "/proc/$pid/cwd" 2>/dev/null) == "$(readlink -f "$cwd")" ]] || return 1
  fi
  printf '%s\n' "$pid"
}

# Wait (bounded) until PID is gone; some servers (Dovecot, Postfix) return
# from their stop command before they have really exited.
wait_pid_gone() {
  local pid=$1 what=$2 secs=${3:-30}
  local deadline=$((SECONDS + secs))
  while pid_running "$pid"; do
    if ((SECONDS >= deadline)); then
      warn "$what (pid $pid) still running after ${secs}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      return 0
    fi
    sleep 0.1
  done
}

# ---------------------------------------------------------------- templates

# render_template TEMPLATE VAR...: print TEMPLATE with every @VAR@ replaced by
# the value of the shell variable VAR. Pure bash, so values may hold any
# character (paths with '/', '&', ...). A placeholder left over is a bug in the
# caller and stops the script rather than producing a broken config.
render_template() {
  local template=$1 name text
  shift
  [[ -r $template ]] || die "template not found: $template"
  text=$(<"$template")
  for name in "$@"; do
    text=${text//@"$name"@/${!name}}
  done
  if [[ $text =~ @[A-Z][A-Z0-9_]*@ ]]; then
    die "template $template: placeholder ${BASH_REMATCH[0]} has no value"
  fi
  printf '%s\n' "$text"
}

# config_differs FILE CONTENT: true when FILE is missing or holds something
# else. Lets the script notice that a running server was started with other
# settings (e.g. another port) instead of silently reusing it.
config_differs() {
  local file=$1 content=$2
  [[ ! -e $file ]] || [[ $(<"$file") != "${content%$'\n'}" ]]
}
