<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ProspectTable</name>
    <message>
        <source>Click to sort; right-click to choose the columns</source>
        <extracomment>True once the user sized a column by hand: the widths then stay as they are. Starting widths, in average character widths (a 1366x768 screen fits the main ones). Hidden until the user shows them (the window is narrow on a laptop). The team columns are shown by default once several people share the data, and never offered to a single user. Until the user sizes columns by hand, these give up width (first the first ones, down to these many average characters) so that every shown column fits the table&apos;s width: on a 1280x720 screen the Next action column is otherwise cut off. The team column a team sees at first; &quot;Last called by&quot; is one click away in the header&apos;s menu and in the owner&apos;s tooltip: with the editor beside it, a 1280-pixel table has no room for both without cutting the prospects&apos; names. The prospect under the cursor changed (its id, or 0 when none). The selection changed (the selected ids are read with `selected_ids`). QSettings group of the data folder (see folder_settings): its own layout. Whether the user sized columns by hand (else they fit the width, see _fit).</extracomment>
        <translation>Cliquez pour trier ; clic droit pour choisir les colonnes</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Réinitialiser les colonnes</translation>
    </message>
</context>
</TS>
