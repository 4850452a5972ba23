# Shared by the tests that run as the server's users (sourced after tests/cli/lib.sh): real
# accounts made for the test with useradd, an administrator and two readers, removed at
# exit. Commands run as them with setpriv (their uid, gid and groups; the environment
# kept, HOME their own). CI runs as root; without root there are no accounts to make, and
# the test says so and passes.
#   ADMIN R1 R2    the accounts' names (unique to this run: tests may run side by side)
#   as USER CMD…   runs CMD as USER

if [ "$(id -u)" != 0 ] || ! command -v useradd >/dev/null || ! command -v setpriv >/dev/null; then
    echo "skipped: making test accounts needs root, useradd and setpriv"
    exit 0
fi
ADMIN=gfa$$ R1=gfr$$ R2=gfs$$
users_made=""
users_cleanup() {
    for u in $users_made; do userdel "$u" 2>/dev/null; done
    rm -rf "$T"
}
trap users_cleanup EXIT
trap 'exit 1' INT TERM
for u in $ADMIN $R1 $R2; do
    useradd -M -U -s /bin/sh "$u" || { echo "FAIL: useradd $u"; exit 1; }
    users_made="$users_made $u"
    mkdir -p "$T/home/$u"
    chown "$u" "$T/home/$u"
done
# The scratch directory is root's (0700 from mktemp): the accounts must reach into it.
chmod 755 "$T" "$T/home"

as() {
    u=$1; shift
    HOME="$T/home/$u" XDG_STATE_HOME= XDG_CONFIG_HOME= \
        setpriv --reuid="$u" --regid="$u" --init-groups -- "$@"
}
