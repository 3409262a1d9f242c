#!/usr/bin/env bash
# Makes Intel MKL (Debian's libmkl-dev 2020.4, non-free) and gcc available, so the MKL harnesses
# in rng/tools/mkl and bench/mkl can be built with `gcc -I/usr/include/mkl ... -lmkl_rt`.
# On a fresh Debian it enables the non-free component in an apt sources file when no source
# has it, then installs the packages (as root, or through sudo). Idempotent and quiet when done.
set -euo pipefail
have_mkl() { [ -e /usr/include/mkl/mkl_vsl.h ] && ls /usr/lib/*/libmkl_rt.so >/dev/null 2>&1; }
if have_mkl && command -v gcc >/dev/null; then exit 0; fi

sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
if ! grep -rqsE '^[^#]*non-free([^-]|$)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    . /etc/os-release
    printf 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: %s\nComponents: non-free\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        "${VERSION_CODENAME:?not a Debian system}" | $sudo tee /etc/apt/sources.list.d/rankexec-non-free.sources >/dev/null
    echo "install-mkl: enabled Debian non-free in /etc/apt/sources.list.d/rankexec-non-free.sources" >&2
fi
$sudo apt-get update -q >/dev/null
# libmkl-rt asks whether to become the default BLAS/LAPACK; answer no and never prompt.
echo "libmkl-rt libmkl-rt/use-as-default-blas-lapack boolean false" | $sudo debconf-set-selections 2>/dev/null || true
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q gcc libc6-dev libmkl-dev libmkl-rt >/dev/null
have_mkl || { echo "install-mkl: libmkl-dev installed but mkl_vsl.h or libmkl_rt.so is missing" >&2; exit 1; }
