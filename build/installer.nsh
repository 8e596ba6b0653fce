; Switchboard's additions to electron-builder's NSIS scripts (electron-builder.yml: nsis.include).
;
; Uninstalling removes the per-user link handlers the app registered at run time. On Windows,
; Electron's app.setAsDefaultProtocolClient(scheme) writes (shell/browser/browser_win.cc):
;   HKCU\Software\Classes\<scheme>                      (Default) = "URL:<scheme>", "URL Protocol" = ""
;   HKCU\Software\Classes\<scheme>\shell\open\command   (Default) = "<path to Switchboard.exe>" "%1"
; for switchboard: always and for tel: / callto: when the user opted in (Settings → Call links).
; This undoes exactly that, the way app.removeAsDefaultProtocolClient does, and only where the
; command still starts OUR executable: a handler another app registered since is left alone.
; Skipped when the uninstaller runs as part of an update (--updated): the new version keeps the
; registration (and re-registers at start anyway). electron-builder's uninstaller refreshes
; Explorer's associations (SHChangeNotify) after this macro.

!macro switchboardForgetLinkScheme SCHEME
  Push $R8
  ReadRegStr $R8 HKCU "Software\Classes\${SCHEME}\shell\open\command" ""
  ; NSIS compares strings without regard to case, as Windows treats paths.
  ${If} $R8 == '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
    DeleteRegKey HKCU "Software\Classes\${SCHEME}\shell"
    DeleteRegValue HKCU "Software\Classes\${SCHEME}" "URL Protocol"
    DeleteRegValue HKCU "Software\Classes\${SCHEME}" ""
    ; Whatever else lives under the scheme's key belongs to someone else: keep the key then.
    DeleteRegKey /ifempty HKCU "Software\Classes\${SCHEME}"
    DetailPrint "Removed the ${SCHEME}: link handler"
  ${EndIf}
  Pop $R8
!macroend

!macro customUnInstall
  ${ifNot} ${isUpdated}
    ; Keep this list equal to the schemes the app registers (electron/main/desktop/call-link.ts:
    ; CALL_LINK_SCHEME and OPTIONAL_CALL_LINK_SCHEMES); test/integration/packaging checks it.
    !insertmacro switchboardForgetLinkScheme "switchboard"
    !insertmacro switchboardForgetLinkScheme "tel"
    !insertmacro switchboardForgetLinkScheme "callto"
  ${endIf}
!macroend
