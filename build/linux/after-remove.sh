#!/bin/bash
# Songyun Kiosk deb postrm. dpkg passes "upgrade" when a newer version replaces this one: then the
# autostart stays in place (the new postinst rewrites it); on "remove" and "purge" it goes.

if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' '/opt/${sanitizedProductName}/${executable}'
else
    rm -f '/usr/bin/${executable}'
fi

# The operator's command, unless an upgrade is putting it back.
if [ "$1" != "upgrade" ] && [ "$(readlink /usr/bin/songyun)" = "/opt/${sanitizedProductName}/songyun" ]; then
    rm -f /usr/bin/songyun
fi

APPARMOR_PROFILE_DEST='/etc/apparmor.d/${executable}'
if [ -f "$APPARMOR_PROFILE_DEST" ]; then
  if apparmor_status --enabled > /dev/null 2>&1; then
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --remove "$APPARMOR_PROFILE_DEST" || true
    fi
  fi
  rm -f "$APPARMOR_PROFILE_DEST"
fi

case "$1" in
  remove|purge)
    if hash systemctl 2>/dev/null; then
        systemctl --global disable songyun-kiosk.service || true
    fi
    rm -f /usr/lib/systemd/user/songyun-kiosk.service /etc/xdg/autostart/songyun-kiosk.desktop
    ;;
esac
