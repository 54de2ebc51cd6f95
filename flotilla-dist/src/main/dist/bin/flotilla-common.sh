# Shared by bin/flotilla-supervisor and bin/flotilla-sidecar (sourced, not run).
#
# flotilla_run PROCESS MAIN_CLASS PREFIX DEFAULT_CONF [--config FILE] [--option value ...]
#   1. reads the config file (KEY=VALUE lines of PREFIX_* settings); a variable already set in the
#      environment wins over the file, and a --option on the command line wins over both;
#   2. takes JVM options from FLOTILLA_JAVA_OPTS (default -Xms256m -Xmx512m);
#   3. execs java, so the JVM gets the service manager's SIGTERM and runs its shutdown hook.

flotilla_run() {
  local process="$1" main="$2" prefix="$3" conf="$4"
  shift 4
  local home
  home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  if [[ "${1:-}" == "--config" ]]; then
    if [[ $# -lt 2 ]]; then
      echo "$process: --config needs a file, e.g. --config $home/conf/$conf" >&2
      exit 2
    fi
    conf="$2"
    shift 2
  elif [[ -n "${FLOTILLA_CONFIG:-}" ]]; then
    conf="$FLOTILLA_CONFIG"
  else
    conf="$home/conf/$conf"
  fi
  if [[ -e "$conf" ]]; then
    flotilla_read_config "$process" "$prefix" "$conf" || exit 2
  elif [[ -n "${FLOTILLA_CONFIG:-}" || "$conf" != "$home/conf/"* ]]; then
    echo "$process: config file $conf does not exist" >&2
    exit 2
  fi

  local java="java"
  if [[ -n "${JAVA_HOME:-}" ]]; then
    java="$JAVA_HOME/bin/java"
  fi
  local log_dir="${FLOTILLA_LOG_DIR:-$home/logs}"
  mkdir -p "$log_dir" || { echo "$process: cannot create log folder $log_dir (FLOTILLA_LOG_DIR)" >&2; exit 2; }
  local log_config="${FLOTILLA_LOG_CONFIG:-$home/conf/log4j2.xml}"

  # Word splitting of FLOTILLA_JAVA_OPTS is wanted: it holds several options.
  # shellcheck disable=SC2086
  exec "$java" ${FLOTILLA_JAVA_OPTS:--Xms256m -Xmx512m} \
    -Dlog4j2.configurationFile="$log_config" \
    -Dflotilla.log.dir="$log_dir" \
    -Dflotilla.log.name="${FLOTILLA_LOG_NAME:-$process}" \
    -cp "$home/lib/*" \
    "$main" "$@"
}

# Exports each KEY=VALUE of the file unless KEY is already set; only PREFIX_* keys, FLOTILLA_JAVA_OPTS
# FLOTILLA_LOG_DIR and FLOTILLA_LOG_NAME are accepted, so a typo stops the start instead of being ignored.
flotilla_read_config() {
  local process="$1" prefix="$2" file="$3" n=0 line key value
  while IFS= read -r line || [[ -n "$line" ]]; do
    n=$((n + 1))
    line="${line#"${line%%[![:space:]]*}"}"
    [[ -z "$line" || "$line" == \#* ]] && continue
    if [[ "$line" != *=* ]]; then
      echo "$process: $file line $n: expected KEY=VALUE, e.g. ${prefix}_PORT=8080" >&2
      return 1
    fi
    key="${line%%=*}"
    value="${line#*=}"
    if [[ ! "$key" =~ ^(${prefix}_[A-Z0-9_]+|FLOTILLA_JAVA_OPTS|FLOTILLA_LOG_DIR|FLOTILLA_LOG_NAME)$ ]]; then
      echo "$process: $file line $n: '$key' is not a setting of this process (${prefix}_<NAME>, FLOTILLA_JAVA_OPTS, FLOTILLA_LOG_DIR or FLOTILLA_LOG_NAME; see --help)" >&2
      return 1
    fi
    if [[ -z "${!key+set}" ]]; then
      export "$key=$value"
    fi
  done < "$file"
}
