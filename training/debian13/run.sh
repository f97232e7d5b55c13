#!/usr/bin/env bash
# Runs a command inside a Debian 13 (trixie) root on this Debian 12 host, for TorchSharp: LibTorch 2.10
# (TorchSharp-cpu 0.107.0) needs GLIBCXX_3.4.32 and Debian 12's libstdc++ stops at 3.4.30.
#
#   training/debian13/run.sh dotnet run --project training -c Release -- fine-tune ...
#
# The root is built once with debootstrap (minbase, about 30 s and 214 MB) from the Debian mirror apt already
# uses, and cached outside the repository ($DEBIAN13_ROOT, default /var/cache/streamingmarketing/debian13).
# The host's .NET install, the NuGet cache, the repository and /tmp are bind-mounted at their own paths, so the
# same paths work inside and outside, and the command runs from the current directory. Mounts live in a private
# mount namespace and vanish with the command. Needs root (CI and the development machines run as root).
# On a distribution with a new enough libstdc++ (Debian 13, Ubuntu 24.04, the .NET 10 images) run the command
# directly instead.
set -euo pipefail

if (($# == 0)); then
  echo "usage: $0 COMMAND [ARGS...]   (runs COMMAND inside the Debian 13 root)" >&2
  exit 2
fi
if ((EUID != 0)); then
  echo "$0 needs root (debootstrap, mount, chroot)." >&2
  exit 1
fi

root=${DEBIAN13_ROOT:-/var/cache/streamingmarketing/debian13}
repo=$(cd "$(dirname "$0")/../.." && pwd)
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
nuget_cache=${NUGET_PACKAGES:-$HOME/.nuget/packages}

# The first Debian archive apt uses here (deb822 .sources or one-line .list), never the security archive.
debian_mirror() {
  local mirror
  mirror=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ {print $2}' | grep -v -- '-security' | head -n1 || true)
  if [[ -z $mirror ]]; then
    mirror=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
      | awk '$1 == "deb" {for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) {print $i; exit}}' | grep -v -- '-security' | head -n1 || true)
  fi
  echo "${mirror:-http://deb.debian.org/debian}"
}

build_root() {
  if ! command -v debootstrap >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  fi
  local mirror partial="$root.partial"
  mirror=$(debian_mirror)
  echo "[debian13] building $root from $mirror (once)" >&2
  rm -rf "$partial"
  mkdir -p "$(dirname "$root")"
  debootstrap --variant=minbase trixie "$partial" "$mirror" >&2
  # .NET needs ICU only without invariant globalization (this repository runs invariant) and CA certificates
  # only for restores; the root stays minimal and nothing is restored inside it.
  touch "$partial/.streamingmarketing-complete"
  mv "$partial" "$root"
}

mkdir -p "$(dirname "$root")"
# Two jobs starting at once (CI, two engineers) build the root only once.
exec 9>"$root.lock"
flock 9
if [[ ! -f $root/.streamingmarketing-complete ]]; then
  rm -rf "$root"
  build_root
fi
flock -u 9

mkdir -p "$nuget_cache"
cwd=$(pwd)
env_args=(
  "PATH=$dotnet_root:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  "HOME=$HOME" "DOTNET_ROOT=$dotnet_root" "NUGET_PACKAGES=$nuget_cache" "TERM=${TERM:-dumb}"
  "DOTNET_CLI_TELEMETRY_OPTOUT=1" "DOTNET_NOLOGO=1" "DOTNET_CLI_USE_MSBUILD_SERVER=0"
  # The root has no ICU; the SDK and this repository run with invariant globalization.
  "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1" "DEBIAN13_ROOT_ACTIVE=1"
)
# Pass the caller's DOTNET_*, NUGET_* and STREAMINGMARKETING_* settings through (e.g. a test's data directory).
while IFS='=' read -r name value; do
  [[ $name =~ ^(DOTNET_|NUGET_|STREAMINGMARKETING_|COLUMNS$) ]] && env_args+=("$name=$value")
done < <(env)

# Inside a private mount namespace: bind what the command needs at the same paths, then chroot.
exec unshare --mount --propagation private -- bash -euo pipefail -c '
  root=$1 repo=$2 dotnet_root=$3 nuget_cache=$4 cwd=$5 home=$6 env_count=$7; shift 7
  env_args=("${@:1:env_count}"); shift "$env_count"
  bind() { mkdir -p "$root$2"; mount --rbind "$1" "$root$2"; }
  mount -t proc proc "$root/proc"
  bind /dev /dev
  bind /sys /sys
  bind /tmp /tmp
  bind "$dotnet_root" "$dotnet_root"
  bind "$nuget_cache" "$nuget_cache"
  bind "$repo" "$repo"
  # The working directory may lie outside the repository (a test data dir, another checkout).
  case $cwd in "$repo"|"$repo"/*|/tmp|/tmp/*) ;; *) bind "$cwd" "$cwd" ;; esac
  mkdir -p "$root$home"
  cp -f /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  exec chroot "$root" /usr/bin/env -i "${env_args[@]}" bash -c "cd \"\$0\" && exec \"\$@\"" "$cwd" "$@"
' run.sh "$root" "$repo" "$dotnet_root" "$nuget_cache" "$cwd" "$HOME" "${#env_args[@]}" "${env_args[@]}" "$@"
