#!/usr/bin/env bash
# Verifies a Taskforce audit export (JSON Lines, see deploy/AUDIT.md) with standard tools only:
# bash, jq, sha256sum, openssl, base64 (plus mktemp and rm).
#
#   deploy/verify-audit-export.sh <export.jsonl> <public-key.pem>
#
# Checks that sequence numbers run from 1 without gaps, that each prev_hash is the hash of the event before
# (64 zeros for the first), that each hash is SHA-256(prev_hash || event), that changes_sha256 matches the
# changes when the export carries them (events in canonical form 1; form 2 keys that hash with the chain's secret,
# which exports never hold), that every checkpoint is signed (SHA256withRSA) by the given key it names (the key
# file may hold several: GET /api/v1/platform/audit/public-key serves every key that signed) and
# that the hash it vouches for is the hash of the event at its seq.
#
# Exit codes: 0 valid ("OK: N events, M checkpoints"), 1 broken ("BROKEN at seq N: reason", the first one),
# 2 usage or tool error.
set -uo pipefail

GENESIS=0000000000000000000000000000000000000000000000000000000000000000

usage() {
  echo "usage: $0 <export.jsonl> <public-key.pem>" >&2
  exit 2
}
fail() { # tool or input error, not a verdict about the chain
  echo "error: $*" >&2
  exit 2
}
broken() { # the first broken link
  echo "BROKEN at seq $1: $2"
  exit 1
}

[ $# -eq 2 ] || usage
EXPORT=$1
KEY=$2
for tool in jq sha256sum openssl base64 mktemp; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is required (apt-get install -y jq coreutils openssl)"
done
[ -f "$EXPORT" ] && [ -r "$EXPORT" ] || fail "cannot read the export $EXPORT"
[ -f "$KEY" ] && [ -r "$KEY" ] || fail "cannot read the public key $KEY"
openssl pkey -pubin -in "$KEY" -noout 2>/dev/null || fail "$KEY is not a PEM public key"

TMP=$(mktemp -d) || fail "cannot create a temporary directory"
trap 'rm -rf "$TMP"' EXIT
export LC_ALL=C # bytes in, bytes out: no locale may touch the text that is hashed

# 1. One pass of jq over the lines: a tab-separated summary of each line, and the exact texts to hash.
#    Canonical JSON escapes every control character, so a hashed text never holds a raw newline or tab; one
#    that does is reported (and stripped here only to keep the files aligned line by line). Fields are
#    separated by the unit separator (0x1f), which is not white space for `read`, so empty fields survive.
if ! jq -r '
  def hex64: type == "string" and test("^[0-9a-f]{64}$");
  def clean: tostring | gsub("[\u0000-\u001f]"; "");
  def parsed: (try fromjson catch null);
  if type == "object" and has("event") then
    (if (.event | type) != "string" then "the event is not a string"
     elif (.event | test("[\u0000-\u001f]")) then "the event text holds a raw control character (not canonical)"
     elif (.event | parsed | type) != "object" then "the event is not a JSON object"
     elif (.seq | type) != "number" then "seq is not a number"
     elif (.prev_hash | hex64 | not) then "prev_hash is not 64 lower-case hex characters"
     elif (.hash | hex64 | not) then "hash is not 64 lower-case hex characters"
     elif (.changes != null and (.changes | type) != "string") then "changes is neither a string nor null"
     elif (.changes != null and (.changes | test("[\u0000-\u001f]"))) then "the changes text holds a raw control character"
     else "" end) as $problem
    | (if $problem == "" then (.event | fromjson) else {} end) as $e
    | ["E", (.seq | clean), ($e.seq // "" | clean), (.prev_hash | clean), (.hash | clean),
       (if ($e | has("changes_hmac")) then "keyed" else ($e.changes_sha256 // "") end | clean),
       (if .changes == null then "0" else "1" end),
       ($e.chain // "" | clean), $problem] | join("\u001f")
  elif type == "object" and has("checkpoint") then
    (if (.checkpoint | type) != "string" or (.checkpoint | test("[\u0000-\u001f]")) then {}
     else (.checkpoint | parsed // {}) end) as $c
    | ["C", ($c.seq // "" | clean), ($c.hash // "" | clean), ($c.chain // "" | clean),
       ($c.key_id // "" | clean)] | join("\u001f")
  else
    "X"
  end
' "$EXPORT" >"$TMP/lines.tsv" 2>"$TMP/jq.err"; then
  echo "BROKEN: the export is not valid JSON Lines ($(head -1 "$TMP/jq.err"))"
  exit 1
fi
jq -r 'select(type == "object" and has("event")) | (.prev_hash | tostring) + (.event | tostring)
       | gsub("[\u0000-\u001f]"; "")' "$EXPORT" >"$TMP/links.txt" || fail "jq failed on $EXPORT"
jq -r 'select(type == "object" and has("event") and (.changes | type) == "string")
       | .changes | gsub("[\u0000-\u001f]"; "")' "$EXPORT" >"$TMP/changes.txt" || fail "jq failed on $EXPORT"
jq -r 'select(type == "object" and has("checkpoint"))
       | [(.checkpoint | tostring | gsub("[\u0000-\u001f]"; "")), (.signature | tostring | gsub("[\u0000-\u001f]"; ""))]
       | join("\u001f")' \
  "$EXPORT" >"$TMP/checkpoints.tsv" || fail "jq failed on $EXPORT"

# SHA-256 of each line of a file, without its newline, one lower-case hex digest per line, in order.
sha256_of_lines() {
  local input=$1 output=$2 dir n=0 line
  dir=$(mktemp -d "$TMP/h.XXXX") || fail "cannot create a temporary directory"
  while IFS= read -r line || [ -n "$line" ]; do
    n=$((n + 1))
    printf '%s' "$line" >"$dir/$n"
  done <"$input"
  : >"$output"
  local i batch=()
  for ((i = 1; i <= n; i++)); do
    batch+=("$dir/$i")
    if [ ${#batch[@]} -ge 1000 ] || [ "$i" -eq "$n" ]; then
      sha256sum -- "${batch[@]}" | while read -r digest _; do echo "${digest#\\}"; done >>"$output" \
        || fail "sha256sum failed"
      batch=()
    fi
  done
  rm -rf "$dir"
}
sha256_of_lines "$TMP/links.txt" "$TMP/links.sha256"
sha256_of_lines "$TMP/changes.txt" "$TMP/changes.sha256"

# 2. The checkpoints' sequence numbers, so that only the hashes they vouch for are remembered.
declare -A vouched=()
while IFS=$'\x1f' read -r kind cseq _; do
  [ "$kind" = C ] && [ -n "$cseq" ] && vouched[$cseq]=1
done <"$TMP/lines.tsv"

# 3. The events, in the order of the file.
declare -A seen=()
expected=1
previous=$GENESIS
chain=
events=0
checkpoints=0
line_no=0
exec 3<"$TMP/links.sha256" 4<"$TMP/changes.sha256"
while IFS=$'\x1f' read -r kind seq eseq prev hash claimed has_changes echain problem; do
  line_no=$((line_no + 1))
  case $kind in
    C) checkpoints=$((checkpoints + 1)); continue ;;
    E) ;;
    *) broken "$expected" "line $line_no is neither an event nor a checkpoint" ;;
  esac
  events=$((events + 1))
  read -r recomputed <&3 || fail "internal error: fewer hashes than events"
  changes_digest=
  if [ "$has_changes" = 1 ]; then
    read -r changes_digest <&4 || fail "internal error: fewer change hashes than changes"
  fi
  [ -z "$problem" ] || broken "$expected" "line $line_no: $problem"
  [ "$seq" = "$eseq" ] || broken "$expected" "line $line_no says seq $seq but its hashed event says seq $eseq"
  if [ "$eseq" != "$expected" ]; then
    if [[ $eseq =~ ^[0-9]+$ ]] && [ "$eseq" -gt "$expected" ]; then
      broken "$expected" "event $expected is missing (the next one in the export is $eseq)"
    fi
    broken "$expected" "sequence number $eseq appears out of order"
  fi
  [ -n "$chain" ] || chain=$echain
  [ "$echain" = "$chain" ] || broken "$seq" "the event belongs to chain $echain, not $chain"
  [ "$prev" = "$previous" ] || broken "$seq" "its prev_hash does not match the hash of event $((seq - 1))"
  [ "$recomputed" = "$hash" ] || broken "$seq" "its content does not match its hash (the event was altered)"
  # events since V14 commit to their changes with a keyed hash (changes_hmac): only the chain's secret checks it
  if [ "$has_changes" = 1 ] && [ "$claimed" != keyed ] && [ "$changes_digest" != "$claimed" ]; then
    broken "$seq" "its changes do not match the changes_sha256 of the hashed event (the changes were altered)"
  fi
  [ -z "${vouched[$seq]:-}" ] || seen[$seq]=$hash
  previous=$hash
  expected=$((expected + 1))
done <"$TMP/lines.tsv"
exec 3<&- 4<&-
head_seq=$((expected - 1))

# 4. The checkpoints, by sequence number: signed by the key they name, and vouching for the hash the export has.
#    The key file may hold several public keys (the server's bundle: the current key, then every key that signed
#    before a rotation or on another instance); each is known by its fingerprint, which checkpoints name as key_id.
awk -v dir="$TMP" '/-----BEGIN PUBLIC KEY-----/ { n++; out = dir "/key." n ".pem" } out { print > out }
                   /-----END PUBLIC KEY-----/ { close(out); out = "" }' "$KEY" || fail "cannot read the keys in $KEY"
declare -A key_file=()
for pem in "$TMP"/key.*.pem; do
  [ -f "$pem" ] || continue
  id=$(openssl pkey -pubin -in "$pem" -outform DER 2>/dev/null | base64 -w0 | sha256sum | cut -c1-16)
  [ -n "$id" ] && key_file[$id]=$pem
done
[ ${#key_file[@]} -gt 0 ] || fail "$KEY holds no PEM public key"
n=0
while IFS=$'\x1f' read -r payload signature; do
  n=$((n + 1))
  printf '%s' "$payload" >"$TMP/payload.$n"
  printf '%s' "$signature" >"$TMP/signature.$n.b64"
done <"$TMP/checkpoints.tsv"
n=0
while IFS=$'\x1f' read -r kind cseq chash cchain ckey; do
  [ "$kind" = C ] || continue
  n=$((n + 1))
  echo "$cseq $n $chash $cchain $ckey"
done <"$TMP/lines.tsv" | sort -n -k1,1 >"$TMP/checkpoints.sorted"
while read -r cseq n chash cchain ckey; do
  [[ $cseq =~ ^[0-9]+$ ]] || broken "${cseq:-?}" "checkpoint $n is not a valid signed payload"
  if ! base64 -d "$TMP/signature.$n.b64" >"$TMP/signature.$n" 2>/dev/null; then
    broken "$cseq" "the checkpoint's signature is not base64"
  fi
  signer=${key_file[$ckey]:-}
  if [ -z "$signer" ]; then
    broken "$cseq" "the checkpoint at event $cseq is not signed by any of the given public keys (it names key $ckey; given: ${!key_file[*]})"
  fi
  if ! openssl dgst -sha256 -verify "$signer" -signature "$TMP/signature.$n" "$TMP/payload.$n" >/dev/null 2>&1; then
    broken "$cseq" "the checkpoint at event $cseq is not signed by the public key it names ($ckey)"
  fi
  [ -z "$chain" ] || [ "$cchain" = "$chain" ] || broken "$cseq" "the checkpoint at event $cseq is for chain $cchain, not $chain"
  if [ -z "${seen[$cseq]:-}" ]; then
    broken "$cseq" "a signed checkpoint vouches for event $cseq, which is not in the export (events were removed)"
  fi
  [ "${seen[$cseq]}" = "$chash" ] || broken "$cseq" \
    "the chain was rewritten: event $cseq does not have the hash its signed checkpoint vouches for"
done <"$TMP/checkpoints.sorted"

echo "OK: $events events, $checkpoints checkpoints"
exit 0
