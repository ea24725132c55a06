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

# The Exec key (Desktop Entry Specification, "The Exec key"): the program's path as one
# double-quoted argument, where ", `, $ and \ take a backslash; then % is written %%
# (field codes), and the value itself is a string where every \ is written \\.
# A folder named "R&D Tools", or holding quotes, $ or \, then starts the right program.
quoted=$(printf '%s/prospection' "$here" | sed -e 's/[\\"`$]/\\&/g')
exec_value=$(printf '"%s"' "$quoted" | sed -e 's/%/%%/g' -e 's/\\/\\\\/g')

mkdir -p "$(dirname "$desktop_file")" "$(dirname "$icon_file")"
cp "$here/prospection.png" "$icon_file"
# Line by line, without sed's replacement syntax (& and \ in the path would be read).
tmp_file="$desktop_file.tmp"
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    Exec=@EXEC@) printf 'Exec=%s\n' "$exec_value" ;;
    Icon=@ICON@) printf 'Icon=%s\n' "$app_id" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$here/share/$app_id.desktop" > "$tmp_file"
mv "$tmp_file" "$desktop_file"
command -v update-desktop-database >/dev/null 2>&1 \
  && update-desktop-database -q "$data_home/applications" || true
echo "Prospection is in your applications menu ($desktop_file)."
