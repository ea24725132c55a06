; Inno Setup 6 script: Prospection for one Windows user, no administrator rights needed.
;
; Built by `uv run python packaging/build.py` on Windows (or the release workflow), which
; passes the version and the paths below; by hand:
;   iscc /DAppVersion=0.1.0 /DNumericVersion=0.1.0 packaging\windows\prospection.iss
; (both from pyproject.toml: the build script reads them there, never from this file).
;
; The user's data (%LOCALAPPDATA%\Prospection: database, backups, logs) and preferences
; (HKCU\Software\Prospection) are NOT in the install folder: an upgrade or an uninstall
; leaves them alone, unless the user asks the uninstaller to delete them.

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is needed (x64compatible, UTF-8 script without BOM)
#endif

; No default version: a setup program claiming a wrong one would not upgrade cleanly.
#ifndef AppVersion
  #error Pass the version from pyproject.toml: /DAppVersion=X.Y.Z (packaging/build.py does)
#endif
#ifndef NumericVersion
  #error Pass the numeric version: /DNumericVersion=X.Y.Z (packaging/build.py does)
#endif
#ifndef BundleDir
  #define BundleDir "..\..\build\dist\prospection"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\prospection.ico"
#endif
#ifndef LicenseFile
  #define LicenseFile "..\..\LICENSE"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef OutputBaseName
  #define OutputBaseName "Prospection-" + AppVersion + "-windows-x86_64-setup"
#endif

[Setup]
; Fixed forever: the same AppId makes a new version replace the old one in place.
; "{{" is an escaped "{". packaging/app_metadata.py holds the same GUID.
AppId={{6F0C7D2A-4E3B-4C55-9A1E-2B7D8C5F3A91}
AppName=Prospection
AppVersion={#AppVersion}
AppVerName=Prospection {#AppVersion}
AppPublisher=Prospection developers
AppPublisherURL=https://github.com/prospection/prospection
AppSupportURL=https://github.com/prospection/prospection/issues
VersionInfoVersion={#NumericVersion}
VersionInfoProductName=Prospection
; Per user: installs into %LOCALAPPDATA%\Programs\Prospection, no UAC prompt.
PrivilegesRequired=lowest
DefaultDirName={autopf}\Prospection
DefaultGroupName=Prospection
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
LicenseFile={#LicenseFile}
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\prospection.exe
UninstallDisplayName=Prospection
OutputDir={#OutputDir}
OutputBaseFilename={#OutputBaseName}
Compression=lzma2/ultra64
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; A running Prospection is closed (the Restart Manager asks) before files are replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[CustomMessages]
english.DeleteUserData=Prospection has been removed.%n%nAlso delete your Prospection data: prospects, calls, goals, backups and logs?%n%nChoose No to keep them (a later installation will find them again).
french.DeleteUserData=Prospection a été désinstallé.%n%nSupprimer aussi vos données Prospection : prospects, appels, objectifs, sauvegardes et journaux ?%n%nChoisissez Non pour les garder (une prochaine installation les retrouvera).

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle whole: no file of the previous version lingers.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Prospection"; Filename: "{app}\prospection.exe"; Comment: "Prospection"
Name: "{autodesktop}\Prospection"; Filename: "{app}\prospection.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\prospection.exe"; Description: "{cm:LaunchProgram,Prospection}"; Flags: nowait postinstall skipifsilent

[Code]
// Keep the user's data unless they say otherwise (the default button is No). A silent
// uninstall (upgrades, scripts) never deletes it.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and (not UninstallSilent) then
  begin
    if MsgBox(CustomMessage('DeleteUserData'), mbConfirmation,
              MB_YESNO or MB_DEFBUTTON2) = IDYES then
    begin
      DelTree(ExpandConstant('{localappdata}\Prospection'), True, True, True);
      RegDeleteKeyIncludingSubkeys(HKEY_CURRENT_USER, 'Software\Prospection');
    end;
  end;
end;
