<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>UndoImportDialog</name>
    <message>
        <source>Undo an import</source>
        <translation>Annuler une importation</translation>
    </message>
    <message>
        <source>Undoing an import removes the prospects and contacts it created (with what was added to them since) and puts back the values it filled in.</source>
        <translation>Annuler une importation supprime les prospects et contacts qu’elle a créés (avec ce qui leur a été ajouté depuis) et remet les valeurs qu’elle avait complétées.</translation>
    </message>
    <message>
        <source>Imported on</source>
        <translation>Importé le</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créés</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>Annuler cette importation</translation>
    </message>
    <message>
        <source>%1 prospects, %2 contacts, %3 merged</source>
        <translation>%1 prospects, %2 contacts, %3 fusionnés</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importée</translation>
    </message>
    <message>
        <source>Remove what the import of %1 created?</source>
        <translation>Supprimer ce que l’importation de %1 a créé ?</translation>
    </message>
    <message>
        <source>Undoing the import of %1…</source>
        <translation>Annulation de l&apos;import de %1…</translation>
    </message>
    <message>
        <source>Import undone: %1 prospects and %2 contacts removed.</source>
        <translation>Importation annulée : %1 prospects et %2 contacts supprimés.</translation>
    </message>
</context>
</TS>
