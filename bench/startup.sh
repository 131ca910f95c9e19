#!/usr/bin/env bash
# Start-up time of the `vigil` command: the installed tool (JIT and ReadyToRun packages) against `dotnet vigil.dll`
# and `dotnet run`, for `--help`, `summary` and `report monthly --format pdf` on the bundled database. Each command
# runs ROUNDS times (default 5) as a new process, the variants in turn; the median wall time is printed.
#   bench/startup.sh [ROUNDS]
# Packs and installs both tool variants under bench/out/startup/ (a few minutes the first time; delete it to redo).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rounds=${1:-5}
out=bench/out/startup
mkdir -p "$out"
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
install() { # NAME PACK-ARGS...
  local name=$1; shift
  if [ ! -x "$out/$name/vigil" ]; then
    rm -rf "$out/pkg-$name" "$out/$name"
    dotnet pack src/Vigil.Cli -c Release "$@" -o "$out/pkg-$name" -v q >&2
    printf '<configuration><packageSources><clear /><add key="vigil" value="%s" /></packageSources></configuration>\n' "$PWD/$out/pkg-$name" > "$out/pkg-$name/nuget.config"
    dotnet tool install vigil --tool-path "$out/$name" --configfile "$out/pkg-$name/nuget.config" >&2
  fi
}
install jit
install r2r -r "$rid" -p:PublishReadyToRun=true
dll=$(find "$out/jit/.store" -name vigil.dll -path '*tools*' | head -n 1)
dotnet build src/Vigil.Cli -v q >&2   # so that `dotnet run` only checks the build, as on a second run

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/vigil.db"
"$out/jit/vigil" start --db "$db" >/dev/null 2>&1

declare -A runners=(
  [tool-r2r]="$out/r2r/vigil"
  [tool-jit]="$out/jit/vigil"
  [dotnet-dll]="dotnet $dll"
  [dotnet-run]="dotnet run --project src/Vigil.Cli --"
)
order=(tool-r2r tool-jit dotnet-dll dotnet-run)
commands=("--help" "summary --db $db" "report monthly --format pdf --db $db --out $work/report.pdf")
names=("--help" "summary" "report pdf")
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf 'nproc %s; load %s\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-12s' command; for r in "${order[@]}"; do printf ' %12s' "$r"; done; printf '\n'
for i in "${!commands[@]}"; do
  declare -A times=()
  for _ in $(seq "$rounds"); do
    for r in "${order[@]}"; do
      # shellcheck disable=SC2086
      times[$r]="${times[$r]:-} $(ms ${runners[$r]} ${commands[$i]})"
    done
  done
  printf '%-12s' "${names[$i]}"
  # shellcheck disable=SC2086
  for r in "${order[@]}"; do printf ' %9s ms' "$(median ${times[$r]})"; done
  printf '\n'
  unset times
done
