# Hygie workstation audit: one PowerShell 5.1 call, run as the logged-in standard user, that prints one JSON
# object. Sent on standard input (powershell.exe -NoProfile -NonInteractive -Command -). Every section is
# either its value or {"_error": "not_found" | "access_denied" | "error", "_message": "..."}: the caller never
# parses localised text except the raw powercfg and netsh outputs, whose labels it does not read.
$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8
function Fail($e) {
  $kind = 'error'
  if ($e.Exception -is [System.UnauthorizedAccessException] -or $e.Exception -is [System.Security.SecurityException]) { $kind = 'access_denied' }
  elseif ($e.Exception -is [System.Management.Automation.ItemNotFoundException] -or $e.CategoryInfo.Category -eq 'ObjectNotFound') { $kind = 'not_found' }
  @{ _error = $kind; _message = $e.Exception.Message }
}
function Try-Get([scriptblock]$b) { try { & $b } catch { Fail $_ } }
function Reg($path, [string[]]$names) {
  try {
    $item = Get-ItemProperty -Path ("Registry::" + $path)
    $o = @{}
    foreach ($n in $names) { if ($null -ne $item.$n) { $o[$n] = $item.$n } }
    $o
  } catch { Fail $_ }
}
$r = @{}
$r.os = Reg 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion' @('ProductName','CurrentBuild','UBR','DisplayVersion','EditionID','InstallationType')
$r.user = @{ name = $env:USERNAME; is_admin = ([Security.Principal.WindowsIdentity]::GetCurrent().Groups | Where-Object { $_.Value -eq 'S-1-5-32-544' }).Count -gt 0 }
$reg = @{}
$reg['HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System'] = Reg 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System' @('InactivityTimeoutSecs','EnableLUA')
$reg['HKCU\Control Panel\Desktop'] = Reg 'HKCU\Control Panel\Desktop' @('ScreenSaveActive','ScreenSaverIsSecure','ScreenSaveTimeOut','SCRNSAVE.EXE')
$reg['HKCU\Software\Policies\Microsoft\Windows\Control Panel\Desktop'] = Reg 'HKCU\Software\Policies\Microsoft\Windows\Control Panel\Desktop' @('ScreenSaveActive','ScreenSaverIsSecure','ScreenSaveTimeOut')
$reg['HKLM\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU'] = Reg 'HKLM\SOFTWARE\Policies\Microsoft\Windows\WindowsUpdate\AU' @('NoAutoUpdate','AUOptions')
$reg['HKLM\SOFTWARE\Microsoft\WindowsUpdate\UX\Settings'] = Reg 'HKLM\SOFTWARE\Microsoft\WindowsUpdate\UX\Settings' @('PauseUpdatesExpiryTime')
$reg['HKLM\SYSTEM\CurrentControlSet\Services\wuauserv'] = Reg 'HKLM\SYSTEM\CurrentControlSet\Services\wuauserv' @('Start')
$reg['HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired'] = Reg 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired' @()
$reg['HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon'] = Reg 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon' @('AutoAdminLogon','DefaultUserName')
$reg['HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon']['DefaultPasswordPresent'] = $null -ne (Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon' -ErrorAction SilentlyContinue).DefaultPassword
$reg['HKLM\SYSTEM\CurrentControlSet\Services\W32Time\Parameters'] = Reg 'HKLM\SYSTEM\CurrentControlSet\Services\W32Time\Parameters' @('Type','NtpServer')
$reg['HKLM\SYSTEM\CurrentControlSet\Services\W32Time'] = Reg 'HKLM\SYSTEM\CurrentControlSet\Services\W32Time' @('Start')
$reg['HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server'] = Reg 'HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server' @('fDenyTSConnections')
$reg['HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\Explorer'] = Reg 'HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\Explorer' @('NoDriveTypeAutoRun','NoAutorun')
$reg['HKCU\Software\Microsoft\Windows\CurrentVersion\Policies\Explorer'] = Reg 'HKCU\Software\Microsoft\Windows\CurrentVersion\Policies\Explorer' @('NoDriveTypeAutoRun','NoAutorun')
$reg['HKCU\Software\Microsoft\Windows\CurrentVersion\Explorer\AutoplayHandlers'] = Reg 'HKCU\Software\Microsoft\Windows\CurrentVersion\Explorer\AutoplayHandlers' @('DisableAutoplay')
foreach ($p in 'DomainProfile','StandardProfile','PublicProfile') {
  $k = "HKLM\SYSTEM\CurrentControlSet\Services\SharedAccess\Parameters\FirewallPolicy\$p"
  $reg[$k] = Reg $k @('EnableFirewall')
}
$r.registry = $reg
$r.mp_computer_status = Try-Get { Get-MpComputerStatus | Select-Object AMServiceEnabled,AntivirusEnabled,RealTimeProtectionEnabled,AMRunningMode,IsTamperProtected,AntivirusSignatureAge,@{n='AntivirusSignatureLastUpdated';e={$_.AntivirusSignatureLastUpdated.ToUniversalTime().ToString('o')}} }
$r.antivirus_products = Try-Get { @(Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntiVirusProduct | Select-Object displayName,productState) }
$r.firewall_products = Try-Get { @(Get-CimInstance -Namespace root/SecurityCenter2 -ClassName FirewallProduct | Select-Object displayName,productState) }
$r.firewall_profiles = Try-Get { @(Get-NetFirewallProfile | Select-Object Name,@{n='Enabled';e={[bool]$_.Enabled}},@{n='DefaultInboundAction';e={"$($_.DefaultInboundAction)"}}) }
$r.local_users = Try-Get { @(Get-LocalUser | Select-Object Name,Enabled,PasswordRequired,@{n='SID';e={$_.SID.Value}}) }
$r.bitlocker_protection = Try-Get { (New-Object -ComObject Shell.Application).NameSpace("$env:SystemDrive\").Self.ExtendedProperty('System.Volume.BitLockerProtection') }
$r.update_results = Try-Get { $res = (New-Object -ComObject Microsoft.Update.AutoUpdate).Results; @{ LastSearchSuccessDate = $res.LastSearchSuccessDate.ToString('o'); LastInstallationSuccessDate = $res.LastInstallationSuccessDate.ToString('o') } }
$r.installed = Try-Get { @(Get-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\*','HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall\*','HKCU:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall\*' -ErrorAction SilentlyContinue | Where-Object { $_.DisplayName -and $_.SystemComponent -ne 1 } | ForEach-Object { $_.DisplayName }) }
$r.powercfg = @{
  standby = (powercfg /q SCHEME_CURRENT SUB_SLEEP STANDBYIDLE | Out-String)
  video = (powercfg /q SCHEME_CURRENT SUB_VIDEO VIDEOIDLE | Out-String)
  consolelock = (powercfg /q SCHEME_CURRENT SUB_NONE CONSOLELOCK | Out-String)
}
$wlan = netsh wlan show interfaces | Out-String
$r.netsh_wlan = @{ exit = $LASTEXITCODE; text = $wlan }
$r | ConvertTo-Json -Depth 6 -Compress
