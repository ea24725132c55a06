<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ProspectTable</name>
    <message>
        <source>Click to sort; right-click to choose the columns</source>
        <extracomment>Starting widths, in average character widths (a 1366x768 screen fits the main ones). Hidden until the user shows them (the window is narrow on a laptop). The prospect under the cursor changed (its id, or 0 when none). The selection changed (the selected ids are read with `selected_ids`).</extracomment>
        <translation>Cliquez pour trier ; clic droit pour choisir les colonnes</translation>
    </message>
    <message>
        <source>Reset columns</source>
        <translation>Réinitialiser les colonnes</translation>
    </message>
</context>
</TS>
