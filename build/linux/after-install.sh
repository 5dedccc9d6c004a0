#!/bin/bash
# Songyun Kiosk deb postinst. electron-builder fills in ${executable} and ${sanitizedProductName}.
# It does what electron-builder's default script does (command link, sandbox helper, desktop
# database, AppArmor profile) and then installs the kiosk's autostart: an XDG autostart entry and a
# systemd user unit with Restart=always, enabled for every user.

APP_DIR='/opt/${sanitizedProductName}'
SYSTEM_FILES="$APP_DIR/resources/linux"

if type update-alternatives >/dev/null 2>&1; then
    if [ -L '/usr/bin/${executable}' -a -e '/usr/bin/${executable}' -a "`readlink '/usr/bin/${executable}'`" != '/etc/alternatives/${executable}' ]; then
        rm -f '/usr/bin/${executable}'
    fi
    update-alternatives --install '/usr/bin/${executable}' '${executable}' "$APP_DIR/${executable}" 100 || ln -sf "$APP_DIR/${executable}" '/usr/bin/${executable}'
else
    ln -sf "$APP_DIR/${executable}" '/usr/bin/${executable}'
fi

# The operator's command: /usr/bin/songyun runs the app headless with a command's words.
chmod 0755 "$APP_DIR/songyun" || true
ln -sf "$APP_DIR/songyun" /usr/bin/songyun

# Chromium's sandbox: user namespaces where the kernel allows them (Ubuntu 24.04 restricts them
# through AppArmor), else the setuid helper. Never --no-sandbox.
if ! { [[ -L /proc/self/ns/user ]] && unshare --user true; }; then
    chmod 4755 "$APP_DIR/chrome-sandbox" || true
else
    chmod 0755 "$APP_DIR/chrome-sandbox" || true
fi

if hash update-desktop-database 2>/dev/null; then
    update-desktop-database /usr/share/applications || true
fi

if apparmor_status --enabled > /dev/null 2>&1; then
  APPARMOR_PROFILE_SOURCE="$APP_DIR/resources/apparmor-profile"
  APPARMOR_PROFILE_TARGET='/etc/apparmor.d/${executable}'
  if apparmor_parser --skip-kernel-load --debug "$APPARMOR_PROFILE_SOURCE" > /dev/null 2>&1; then
    cp -f "$APPARMOR_PROFILE_SOURCE" "$APPARMOR_PROFILE_TARGET"
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --replace --write-cache --skip-read-cache "$APPARMOR_PROFILE_TARGET"
    fi
  else
    echo "Skipping the AppArmor profile: this AppArmor does not accept it"
  fi
fi

# Autostart. The systemd user unit serves sessions that systemd manages; the XDG entry (which the
# systemd generator skips) serves the rest. The app's single-instance lock stops a double start.
install -D -m 0644 "$SYSTEM_FILES/songyun-kiosk.service" /usr/lib/systemd/user/songyun-kiosk.service
install -D -m 0644 "$SYSTEM_FILES/songyun-kiosk-autostart.desktop" /etc/xdg/autostart/songyun-kiosk.desktop
if hash systemctl 2>/dev/null; then
    systemctl --global enable songyun-kiosk.service || true
fi
