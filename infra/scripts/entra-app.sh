#!/usr/bin/env bash
# Creates or updates Tandem's Entra app registration, idempotently, with the Azure CLI (az >= 2.60,
# signed in with `az login` as someone who may create apps and grant admin consent: Global
# Administrator or Privileged Role Administrator). What it sets up and why: docs/deployment.md.
#
#   infra/scripts/entra-app.sh --domain <TANDEM_DOMAIN> --identity-principal-id <IDENTITY_PRINCIPAL_ID> \
#     [--app-id <existing client id>] [--name Tandem] [--calendars exchange-rbac|entra] \
#     [--managers-group <group object id>] [--hr-group <group object id>] [--operators-group <group object id>]
#
# --domain and --identity-principal-id are outputs of infra/main.bicep; --name is matched exactly
# (one app of that display name, else it stops: pass --app-id). The script prints
# AAD_APP_CLIENT_ID=<client id> last (and `::set-teamsfx-env` for the Microsoft 365 Agents Toolkit).
set -euo pipefail

GRAPH_APP_ID=00000003-0000-0000-c000-000000000000
# Microsoft Graph application permissions Tandem requests, by name (docs/graph.md: which call needs
# which). Their app role ids are read from the Microsoft Graph service principal when the script
# runs (step 4), never copied by hand.
#   User.Read.All           users, managers, users/delta: the org tree
#   GroupMember.Read.All    /groups/{id}/transitiveMembers: invitations by group
#   Calendars.ReadWrite     getSchedule and the meeting series (create, move, cancel)   } Exchange RBAC by
#   MailboxSettings.Read    each person's time zone and working hours                    } default: requested
#                           (and consented) in Entra ID only with --calendars entra, so "Grant admin
#                           consent" in the portal cannot widen them to every mailbox of the tenant
#   TeamsAppInstallation.ReadWriteSelfForUser.All   installs Tandem (only Tandem) for a person
#   AppCatalog.Read.All     finds Tandem in the org catalog (its catalog id, which an installation
#                           names; `tandem doctor` checks it is published)
# Clients allowed to get a token for the tab without a consent prompt (tab SSO): Teams, and Microsoft
# 365 (Office) and Outlook, where the manifest's personal tabs run too (Microsoft Learn: "Extend a Teams
# personal tab across Microsoft 365" and "Configure your tab app in Microsoft Entra ID"). Some share ids.
TEAMS_DESKTOP_MOBILE=1fec8e78-bce4-4aaf-ab1b-5451cc387264
TEAMS_WEB=5e3ce6c0-2b1f-4285-8d4b-75ee78787346
M365_WEB=4765445b-32c6-49b0-83e6-1d93765276ca
M365_DESKTOP=0ec893e0-5785-4de6-99da-4ed124e5296c
M365_MOBILE_OUTLOOK_DESKTOP=d3590ed6-52b3-4102-aeff-aad2292ab01c
OUTLOOK_WEB=bc59ab01-8403-45c6-8796-ac3ef710b3e3
OUTLOOK_MOBILE=27922004-5251-4030-b22d-91ecd9a37ea4
# Ids of Tandem's own scope and app roles: fixed, so re-running the script changes nothing.
SCOPE_ACCESS_AS_USER=d722c206-89e4-49d4-8ffc-cf98ac89cb34
ROLE_PROGRAMME_MANAGE=3da94e07-5ee0-4df1-92c1-7250a3a991c9
ROLE_REPORTS_READ=cb853493-c895-4477-a89f-9022d5e28082
ROLE_TANDEM_OPERATE=eb757b0a-6df6-4998-9591-6fa0e62e72ef

NAME=Tandem
APP_ID=${AAD_APP_CLIENT_ID:-}
DOMAIN=""
IDENTITY_PRINCIPAL_ID=""
CALENDARS=exchange-rbac
MANAGERS_GROUP=""
HR_GROUP=""
OPERATORS_GROUP=""

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
while (($#)); do
  case "$1" in
    --domain) DOMAIN=${2:-}; shift 2 ;;
    --identity-principal-id) IDENTITY_PRINCIPAL_ID=${2:-}; shift 2 ;;
    --app-id) APP_ID=${2:-}; shift 2 ;;
    --name) NAME=${2:-}; shift 2 ;;
    --calendars) CALENDARS=${2:-}; shift 2 ;;
    --managers-group) MANAGERS_GROUP=${2:-}; shift 2 ;;
    --hr-group) HR_GROUP=${2:-}; shift 2 ;;
    --operators-group) OPERATORS_GROUP=${2:-}; shift 2 ;;
    -h | --help) usage ;;
    *) echo "Unknown argument: $1" >&2; usage ;;
  esac
done
[[ -n "$DOMAIN" ]] || { echo "--domain is required (output TANDEM_DOMAIN of infra/main.bicep)." >&2; exit 2; }
[[ "$DOMAIN" != *"/"* ]] || { echo "--domain is a host name without https:// or a path, got $DOMAIN." >&2; exit 2; }
[[ -n "$IDENTITY_PRINCIPAL_ID" ]] || { echo "--identity-principal-id is required (output IDENTITY_PRINCIPAL_ID of infra/main.bicep)." >&2; exit 2; }
[[ "$CALENDARS" == exchange-rbac || "$CALENDARS" == entra ]] || { echo "--calendars is exchange-rbac or entra." >&2; exit 2; }

TENANT_ID=$(az account show --query tenantId -o tsv)
graph() { az rest --only-show-errors --method "$1" --url "https://graph.microsoft.com/v1.0$2" ${3:+--headers Content-Type=application/json --body "$3"}; }

# Entra ID replicates a new object (service principal, scope, app role) within seconds to minutes;
# a call that names it at once may fail. Bounded: ENTRA_RETRIES attempts, ENTRA_RETRY_SECONDS apart.
retry() {
  local attempt=1 max=${ENTRA_RETRIES:-6}
  until "$@"; do
    if ((attempt >= max)); then
      echo "Still failing after $max attempts: $*" >&2
      return 1
    fi
    echo "Entra ID has not replicated yet (attempt $attempt of $max); retrying in ${ENTRA_RETRY_SECONDS:-10}s." >&2
    sleep "${ENTRA_RETRY_SECONDS:-10}"
    attempt=$((attempt + 1))
  done
}

# 1. The app registration (single tenant), found by client id or by its exact display name, else
# created. `az ad app list --display-name` matches by prefix ("Tandem" finds "Tandem-dev"), so the
# name is compared exactly and more than one match stops the script rather than pick one.
if [[ -z "$APP_ID" ]]; then
  [[ "$NAME" != *"'"* ]] || { echo "--name must not contain a quote ('), got $NAME." >&2; exit 2; }
  MATCHES=$(az ad app list --filter "displayName eq '$NAME'" --query "[?displayName=='$NAME'].appId" -o tsv)
  COUNT=$(printf '%s' "$MATCHES" | grep -c . || true)
  if ((COUNT > 1)); then
    echo "$COUNT app registrations are named exactly \"$NAME\" (${MATCHES//$'\n'/, }); pass the one to use with --app-id." >&2
    exit 3
  fi
  APP_ID=$MATCHES
fi
if [[ -z "$APP_ID" ]]; then
  APP_ID=$(az ad app create --display-name "$NAME" --sign-in-audience AzureADMyOrg --query appId -o tsv)
  echo "Created app registration $NAME ($APP_ID)." >&2
fi
OBJECT_ID=$(az ad app show --id "$APP_ID" --query id -o tsv)
[[ -n "$OBJECT_ID" ]] || { echo "No app registration with client id $APP_ID in tenant $TENANT_ID." >&2; exit 3; }

# 2. The API the tab calls: api://<domain>/<client id>, v2 tokens, scope access_as_user; the tab's
#    consent popup returns to /api/tab/auth-end (docs/tab.md, "Signing in").
graph PATCH "/applications/$OBJECT_ID" "{
  \"identifierUris\": [\"api://$DOMAIN/$APP_ID\"],
  \"web\": { \"redirectUris\": [\"https://$DOMAIN/api/tab/auth-end\"] },
  \"api\": {
    \"requestedAccessTokenVersion\": 2,
    \"oauth2PermissionScopes\": [{
      \"id\": \"$SCOPE_ACCESS_AS_USER\", \"value\": \"access_as_user\", \"type\": \"User\", \"isEnabled\": true,
      \"adminConsentDisplayName\": \"Use Tandem as the signed-in user\",
      \"adminConsentDescription\": \"Lets Teams call Tandem's API for the signed-in user.\",
      \"userConsentDisplayName\": \"Use Tandem as you\",
      \"userConsentDescription\": \"Lets Teams call Tandem's API for you.\"
    }]
  }
}"
# Pre-authorising needs the scope to exist first, hence a second request (retried: replication).
PRE_AUTHORIZED=""
for client in "$TEAMS_DESKTOP_MOBILE" "$TEAMS_WEB" "$M365_WEB" "$M365_DESKTOP" "$M365_MOBILE_OUTLOOK_DESKTOP" \
  "$OUTLOOK_WEB" "$OUTLOOK_MOBILE"; do
  PRE_AUTHORIZED+="${PRE_AUTHORIZED:+, }{ \"appId\": \"$client\", \"delegatedPermissionIds\": [\"$SCOPE_ACCESS_AS_USER\"] }"
done
retry graph PATCH "/applications/$OBJECT_ID" "{ \"api\": { \"preAuthorizedApplications\": [ $PRE_AUTHORIZED ] } }"

# 3. App roles for the tab's admin and reporting views (the API checks the roles claim).
graph PATCH "/applications/$OBJECT_ID" "{
  \"appRoles\": [
    { \"id\": \"$ROLE_PROGRAMME_MANAGE\", \"value\": \"Programme.Manage\", \"isEnabled\": true,
      \"allowedMemberTypes\": [\"User\"], \"displayName\": \"Programme manager\",
      \"description\": \"Create and run reverse-mentoring programmes: invite, match, publish, announce.\" },
    { \"id\": \"$ROLE_REPORTS_READ\", \"value\": \"Reports.Read\", \"isEnabled\": true,
      \"allowedMemberTypes\": [\"User\"], \"displayName\": \"Report reader (HR)\",
      \"description\": \"See anonymised programme reports; never individual feedback.\" },
    { \"id\": \"$ROLE_TANDEM_OPERATE\", \"value\": \"Tandem.Operate\", \"isEnabled\": true,
      \"allowedMemberTypes\": [\"User\"], \"displayName\": \"Operator (IT)\",
      \"description\": \"See work that is stuck (bookings, bot messages, timers) in every programme and retry it.\" }
  ]
}"

# 4. Graph application permissions the app requests (shown on the consent screen), their app role
# ids looked up by name on the Microsoft Graph service principal.
graph_role_id() {
  local id
  id=$(az ad sp show --id "$GRAPH_APP_ID" --query "appRoles[?value=='$1'].id" -o tsv)
  [[ -n "$id" ]] || { echo "Microsoft Graph has no application permission $1 in this tenant." >&2; return 1; }
  echo "$id"
}
USER_READ_ALL=$(graph_role_id User.Read.All)
GROUP_MEMBER_READ_ALL=$(graph_role_id GroupMember.Read.All)
CALENDARS_READ_WRITE=$(graph_role_id Calendars.ReadWrite)
MAILBOX_SETTINGS_READ=$(graph_role_id MailboxSettings.Read)
TEAMS_APP_INSTALL_SELF_FOR_USER=$(graph_role_id TeamsAppInstallation.ReadWriteSelfForUser.All)
APP_CATALOG_READ_ALL=$(graph_role_id AppCatalog.Read.All)
# The mailbox permissions only with --calendars entra: requested here, the portal's "Grant admin
# consent" would grant them for every mailbox and defeat the Exchange scope.
MAILBOX_ACCESS=""
if [[ "$CALENDARS" == entra ]]; then
  MAILBOX_ACCESS="
    { \"id\": \"$CALENDARS_READ_WRITE\", \"type\": \"Role\" },
    { \"id\": \"$MAILBOX_SETTINGS_READ\", \"type\": \"Role\" },"
fi
graph PATCH "/applications/$OBJECT_ID" "{
  \"requiredResourceAccess\": [{ \"resourceAppId\": \"$GRAPH_APP_ID\", \"resourceAccess\": [
    { \"id\": \"$USER_READ_ALL\", \"type\": \"Role\" },
    { \"id\": \"$GROUP_MEMBER_READ_ALL\", \"type\": \"Role\" },$MAILBOX_ACCESS
    { \"id\": \"$TEAMS_APP_INSTALL_SELF_FOR_USER\", \"type\": \"Role\" },
    { \"id\": \"$APP_CATALOG_READ_ALL\", \"type\": \"Role\" }
  ] }]
}"

# 5. The service principal (enterprise app) in this tenant.
SP_ID=$(az ad sp list --filter "appId eq '$APP_ID'" --query "[0].id" -o tsv)
if [[ -z "$SP_ID" ]]; then SP_ID=$(az ad sp create --id "$APP_ID" --query id -o tsv); fi
GRAPH_SP_ID=$(az ad sp list --filter "appId eq '$GRAPH_APP_ID'" --query "[0].id" -o tsv)

# 6. Admin consent, one application permission at a time. Calendars.ReadWrite and
# MailboxSettings.Read granted here are tenant-wide; with --calendars exchange-rbac (the default)
# they are granted in Exchange Online instead, scoped to the mailboxes Tandem may use
# (infra/scripts/exchange-rbac.ps1).
grant() {
  local role=$1 existing
  existing=$(az rest --only-show-errors --method GET \
    --url "https://graph.microsoft.com/v1.0/servicePrincipals/$SP_ID/appRoleAssignments" \
    --query "value[?appRoleId=='$role' && resourceId=='$GRAPH_SP_ID'] | length(@)" -o tsv)
  if [[ "$existing" == "0" ]]; then
    # A service principal created a moment ago may not be known to the assignment yet: retried.
    retry graph POST "/servicePrincipals/$GRAPH_SP_ID/appRoleAssignedTo" \
      "{ \"principalId\": \"$SP_ID\", \"resourceId\": \"$GRAPH_SP_ID\", \"appRoleId\": \"$role\" }" >/dev/null
  fi
}
grant "$USER_READ_ALL"
grant "$GROUP_MEMBER_READ_ALL"
grant "$TEAMS_APP_INSTALL_SELF_FOR_USER"
grant "$APP_CATALOG_READ_ALL"
if [[ "$CALENDARS" == entra ]]; then grant "$CALENDARS_READ_WRITE"; fi
if [[ "$CALENDARS" == entra ]]; then grant "$MAILBOX_SETTINGS_READ"; fi

# 7. The Functions app signs in as this app with its managed identity (federated credential):
# no client secret exists.
if [[ -z $(az ad app federated-credential list --id "$APP_ID" --query "[?name=='tandem-functions'].name" -o tsv) ]]; then
  retry az ad app federated-credential create --id "$APP_ID" --only-show-errors --parameters "{
    \"name\": \"tandem-functions\",
    \"issuer\": \"https://login.microsoftonline.com/$TENANT_ID/v2.0\",
    \"subject\": \"$IDENTITY_PRINCIPAL_ID\",
    \"audiences\": [\"api://AzureADTokenExchange\"],
    \"description\": \"Tandem Functions app's user-assigned managed identity\"
  }" >/dev/null
fi

# 8. Optional: give groups the app roles.
assign_role() {
  local group=$1 role=$2 existing
  [[ -n "$group" ]] || return 0
  existing=$(az rest --only-show-errors --method GET \
    --url "https://graph.microsoft.com/v1.0/servicePrincipals/$SP_ID/appRoleAssignedTo" \
    --query "value[?principalId=='$group' && appRoleId=='$role'] | length(@)" -o tsv)
  if [[ "$existing" == "0" ]]; then
    retry graph POST "/servicePrincipals/$SP_ID/appRoleAssignedTo" \
      "{ \"principalId\": \"$group\", \"resourceId\": \"$SP_ID\", \"appRoleId\": \"$role\" }" >/dev/null
  fi
}
assign_role "$MANAGERS_GROUP" "$ROLE_PROGRAMME_MANAGE"
assign_role "$HR_GROUP" "$ROLE_REPORTS_READ"
assign_role "$OPERATORS_GROUP" "$ROLE_TANDEM_OPERATE"

if [[ "$CALENDARS" == exchange-rbac ]]; then
  echo "Calendars.ReadWrite and MailboxSettings.Read are not granted in Entra ID. An Exchange administrator" >&2
  echo "grants both (Application Calendars.ReadWrite, Application MailboxSettings.Read), scoped, with" >&2
  echo "  pwsh infra/scripts/exchange-rbac.ps1 -AppId $APP_ID -ServicePrincipalId $SP_ID -GroupIdentity <mail-enabled group>" >&2
fi
if [[ -n "${TEAMSFX_ENV:-}" ]]; then echo "::set-teamsfx-env AAD_APP_CLIENT_ID=$APP_ID"; fi
echo "AAD_APP_CLIENT_ID=$APP_ID"
