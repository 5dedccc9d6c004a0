@echo off
rem `songyun` on an installed kiosk: the app answers the same commands as the checkout CLI
rem (main/electron/answerCli.ts). A batch file waits for the app, so the exit code is the commands.
rem Run it as the Windows user the kiosk runs as: the data folder is that users %APPDATA%\Songyun Kiosk.
"%~dp0SongyunKiosk.exe" %*
exit /b %ERRORLEVEL%
