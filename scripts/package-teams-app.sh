#!/usr/bin/env bash
# Builds the Teams app package (manifest.json + two icons, zipped flat) for one deployment.
#   scripts/package-teams-app.sh APP_ID BOT_HOST [OUT.zip]
# APP_ID   the bot's Microsoft App ID (the Entra app registration's client id); it is used both as the
#          Teams app id and as the bot id, so one registration identifies the bot everywhere.
# BOT_HOST the host name the bot is reached at, e.g. oraclebot-prod.azurewebsites.net; it becomes the
#          manifest's valid domain and, unless overridden, the base of the developer URLs.
# OUT.zip  default artifacts/teams/oraclebot-APP_ID.zip
# Optional environment: ORACLEBOT_APP_VERSION (semver, default from the manifest), ORACLEBOT_DEVELOPER_NAME,
# ORACLEBOT_WEBSITE_URL, ORACLEBOT_PRIVACY_URL, ORACLEBOT_TERMS_URL.
set -euo pipefail

if [ $# -lt 2 ]; then
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi

root="$(cd "$(dirname "$0")/.." && pwd)"
app_id="$1"
bot_host="$2"
out="${3:-$root/artifacts/teams/oraclebot-$app_id.zip}"

if ! [[ "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
  echo "APP_ID must be a GUID, got '$app_id'" >&2
  exit 2
fi
if ! [[ "$bot_host" =~ ^[A-Za-z0-9.-]+$ ]]; then
  echo "BOT_HOST must be a bare host name (no scheme, path or port), got '$bot_host'" >&2
  exit 2
fi

mkdir -p "$(dirname "$out")"
python3 - "$root/infra/teams" "$app_id" "$bot_host" "$out" <<'PY'
import json, os, sys, zipfile

src, app_id, host, out = sys.argv[1:5]
with open(os.path.join(src, "manifest.json"), encoding="utf-8") as f:
    manifest = json.load(f)

manifest["id"] = app_id.lower()
for bot in manifest["bots"]:
    bot["botId"] = app_id.lower()
manifest["validDomains"] = [host]
manifest["version"] = os.environ.get("ORACLEBOT_APP_VERSION", manifest["version"])
developer = manifest["developer"]
developer["name"] = os.environ.get("ORACLEBOT_DEVELOPER_NAME", developer["name"])
developer["websiteUrl"] = os.environ.get("ORACLEBOT_WEBSITE_URL", f"https://{host}/")
developer["privacyUrl"] = os.environ.get("ORACLEBOT_PRIVACY_URL", f"https://{host}/privacy")
developer["termsOfUseUrl"] = os.environ.get("ORACLEBOT_TERMS_URL", f"https://{host}/terms")

# Teams wants the three files at the root of the zip, nothing else.
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    for icon in (manifest["icons"]["color"], manifest["icons"]["outline"]):
        z.write(os.path.join(src, icon), icon)
print(out)
PY
