<#
.SYNOPSIS
  Grants Tandem's Entra app "Application Calendars.ReadWrite" (getSchedule, the meeting series) and
  "Application MailboxSettings.Read" (time zone and working hours) in Exchange Online, scoped to the
  members of one mail-enabled group, instead of the tenant-wide Graph permissions (RBAC for
  Applications in Exchange Online). Run by an Exchange administrator (Organization Management).

.EXAMPLE
  pwsh infra/scripts/exchange-rbac.ps1 -AppId <client id> -ServicePrincipalId <enterprise app object id> `
    -GroupIdentity tandem-participants@contoso.com

.NOTES
  Requires the ExchangeOnlineManagement module (Install-Module ExchangeOnlineManagement).
  Do not also grant Calendars.ReadWrite or MailboxSettings.Read in Entra ID: Entra grants are
  tenant-wide and are not narrowed by this scope (entra-app.sh skips both unless --calendars entra).
  The group should hold everyone who may take part (for example a dynamic distribution group of
  the programme's audience); Tandem books, reads free/busy and reads mailbox settings only in these
  mailboxes.
#>
param(
  [Parameter(Mandatory = $true)][string] $AppId,
  [Parameter(Mandatory = $true)][string] $ServicePrincipalId,
  [Parameter(Mandatory = $true)][string] $GroupIdentity,
  [string] $ScopeName = 'Tandem participants',
  [string] $DisplayName = 'Tandem'
)
$ErrorActionPreference = 'Stop'
Connect-ExchangeOnline -ShowBanner:$false

# 1. A pointer from Exchange to the Entra service principal.
if (-not (Get-ServicePrincipal -Identity $ServicePrincipalId -ErrorAction SilentlyContinue)) {
  New-ServicePrincipal -AppId $AppId -ObjectId $ServicePrincipalId -DisplayName $DisplayName | Out-Null
}

# 2. The mailboxes Tandem may use: members of the group.
$group = Get-Recipient -Identity $GroupIdentity
if (-not (Get-ManagementScope -Identity $ScopeName -ErrorAction SilentlyContinue)) {
  New-ManagementScope -Name $ScopeName -RecipientRestrictionFilter "MemberOfGroup -eq '$($group.DistinguishedName)'" | Out-Null
}

# 3. The scoped role assignments, one per Graph permission Tandem uses in mailboxes.
function Grant-ScopedRole([string] $Role) {
  $assignment = Get-ManagementRoleAssignment -RoleAssignee $ServicePrincipalId -ErrorAction SilentlyContinue |
    Where-Object { $_.Role -eq $Role }
  if (-not $assignment) {
    New-ManagementRoleAssignment -App $ServicePrincipalId -Role $Role -CustomResourceScope $ScopeName | Out-Null
  }
}
Grant-ScopedRole -Role 'Application Calendars.ReadWrite'
Grant-ScopedRole -Role 'Application MailboxSettings.Read'

# 4. Check: InScope is True for a member (for both roles), False for anyone else.
Write-Host "Check a member: Test-ServicePrincipalAuthorization -Identity $ServicePrincipalId -Resource <member's mailbox>"
