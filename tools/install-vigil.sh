#!/usr/bin/env bash
# Installs the `vigil` command from this repository as a .NET tool: packs src/Vigil.Cli (Release, ReadyToRun for
# this machine's runtime, so that it starts fast) and installs it, replacing an installed one. Run it again after
# pulling changes.
#   tools/install-vigil.sh                      # a global tool, in ~/.dotnet/tools (put that folder on PATH)
#   tools/install-vigil.sh --tool-path DIR      # into DIR instead
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
where=(--global)
if [ "${1:-}" = "--tool-path" ]; then
  [ -n "${2:-}" ] || { echo "usage: $0 [--tool-path DIR]" >&2; exit 2; }
  where=(--tool-path "$2")
fi
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
out=artifacts/tool
rm -rf "$out"
echo "vigil: packing src/Vigil.Cli for $rid (the first time takes a few minutes)…" >&2
dotnet pack src/Vigil.Cli -c Release -r "$rid" -p:PublishReadyToRun=true -o "$out" -v q
# Only the package just made is a source: a package of the same name elsewhere is never taken instead.
cat > "$out/nuget.config" <<CONFIG
<configuration><packageSources><clear /><add key="vigil" value="$PWD/$out" /></packageSources></configuration>
CONFIG
dotnet tool uninstall "${where[@]}" vigil >/dev/null 2>&1 || true
dotnet tool install "${where[@]}" vigil --configfile "$out/nuget.config"
if [ "${where[0]}" = --global ] && ! command -v vigil >/dev/null; then
  echo "vigil: installed in ~/.dotnet/tools; add it to PATH: export PATH=\"\$PATH:\$HOME/.dotnet/tools\"" >&2
fi
