#!/bin/sh
# Put this unpacked copy of Prospection in your applications menu (for you alone; no
# administrator rights needed). Run it again after moving the folder.
# To take the entry out again: ./install-menu-entry.sh --remove
set -eu
here=$(cd "$(dirname "$0")" && pwd)
app_id=io.github.prospection.Prospection
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
desktop_file=$data_home/applications/$app_id.desktop
icon_file=$data_home/icons/hicolor/256x256/apps/$app_id.png

if [ "${1:-}" = "--remove" ]; then
  rm -f "$desktop_file" "$icon_file"
  echo "Prospection was taken out of the menu (your data is kept)."
  exit 0
fi

mkdir -p "$(dirname "$desktop_file")" "$(dirname "$icon_file")"
cp "$here/prospection.png" "$icon_file"
sed -e "s|@EXEC@|\"$here/prospection\"|" -e "s|@ICON@|$app_id|" \
  "$here/share/$app_id.desktop" > "$desktop_file"
command -v update-desktop-database >/dev/null 2>&1 \
  && update-desktop-database -q "$data_home/applications" || true
echo "Prospection is in your applications menu ($desktop_file)."
