<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
    <message>
        <source>CSV, Excel (.xlsx) or vCard, from Outlook, Google, LinkedIn, HubSpot, Pipedrive, the SIRENE register or any spreadsheet. Nothing is written before the last step.</source>
        <translation>CSV, Excel (.xlsx) ou vCard, venant d’Outlook, Google, LinkedIn, HubSpot, Pipedrive, du répertoire SIRENE ou de n’importe quel tableur. Rien n’est écrit avant la dernière étape.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Arrêter la lecture</translation>
    </message>
    <message>
        <source>Import prospects</source>
        <translation>Importer des prospects</translation>
    </message>
    <message>
        <source>Contact files</source>
        <translation>Fichiers de contacts</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Reading stopped. Choose another file, or press Next again.</source>
        <translation>Lecture arrêtée. Choisissez un autre fichier, ou cliquez à nouveau sur Suivant.</translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <translation>Ce fichier ne peut pas être importé : %1</translation>
    </message>
</context>
<context>
    <name>FormatPage</name>
    <message>
        <source>Check how the file was read</source>
        <translation>Vérifier la lecture du fichier</translation>
    </message>
    <message>
        <source>If the names below look wrong, change the encoding or delimiter.</source>
        <translation>Si les noms ci-dessous paraissent faux, changez l’encodage ou le séparateur.</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Détecter</translation>
    </message>
    <message>
        <source>Comma ,</source>
        <translation>Virgule ,</translation>
    </message>
    <message>
        <source>Semicolon ;</source>
        <translation>Point-virgule ;</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tabulation</translation>
    </message>
    <message>
        <source>Vertical bar |</source>
        <translation>Barre verticale |</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>Relire</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Arrêter la lecture</translation>
    </message>
    <message>
        <source>Recognised as:</source>
        <translation>Reconnu comme :</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Encodage :</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>Séparateur :</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Feuille :</translation>
    </message>
    <message>
        <source>%1 — %2 rows</source>
        <translation>%1 — %2 lignes</translation>
    </message>
    <message>
        <source>Unknown encoding: %1</source>
        <translation>Encodage inconnu : %1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>The file cannot be read with these choices: %1</source>
        <translation>Le fichier ne peut pas être lu avec ces choix : %1</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>Annuler l’importation</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importation…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Imported: %1 new prospects, %2 new contacts, %3 merged, %4 invalid rows. File › Undo an import… removes them again.</source>
        <translation>Importé : %1 nouveaux prospects, %2 nouveaux contacts, %3 fusionnés, %4 lignes invalides. Fichier › Annuler une importation… les retire.</translation>
    </message>
    <message>
        <source>filled: %1</source>
        <translation>rempli : %1</translation>
    </message>
    <message>
        <source>%1: “%2” from the file set aside, “%3” kept</source>
        <translation>%1 : « %2 » du fichier mis de côté, « %3 » conservé</translation>
    </message>
    <message>
        <source>notes appended</source>
        <translation>notes ajoutées</translation>
    </message>
    <message>
        <source>phones added: %1</source>
        <translation>téléphones ajoutés : %1</translation>
    </message>
    <message>
        <source>Records already there that the import changed:</source>
        <translation>Fiches existantes modifiées par l’import :</translation>
    </message>
    <message>
        <source>The import failed and nothing was written: %1</source>
        <translation>L’importation a échoué et rien n’a été écrit : %1</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>Importation annulée : rien n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import prospects</source>
        <translation>Importer des prospects</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>Associer les colonnes</translation>
    </message>
    <message>
        <source>Columns not matched to a field are kept with each person as extra fields: nothing is lost.</source>
        <translation>Les colonnes non associées sont gardées avec chaque personne comme champs supplémentaires : rien n’est perdu.</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Colonne du fichier</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Exemple</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Va dans</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>What will happen to each row. Tick the possible duplicates to merge.</source>
        <translation>Ce qui sera fait de chaque ligne. Cochez les doublons possibles à fusionner.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Show only the rows of one kind</source>
        <translation>N&apos;afficher que les lignes d&apos;un type</translation>
    </message>
    <message>
        <source>Confirm all possible duplicates</source>
        <translation>Confirmer tous les doublons possibles</translation>
    </message>
    <message>
        <source>Merge every possible duplicate into the person it resembles</source>
        <translation>Fusionner chaque doublon possible avec la personne à laquelle il ressemble</translation>
    </message>
    <message>
        <source>Confirm none</source>
        <translation>N&apos;en confirmer aucun</translation>
    </message>
    <message>
        <source>Import every possible duplicate as a new contact</source>
        <translation>Importer chaque doublon possible comme un nouveau contact</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <source>Working out what happens to each row…</source>
        <translation>Analyse de chaque ligne…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>All rows (%1)</source>
        <translation>Toutes les lignes (%1)</translation>
    </message>
    <message>
        <source>Possible duplicates to merge: %1 of %2 (the others become new contacts).</source>
        <translation>Doublons possibles à fusionner : %1 sur %2 (les autres deviennent de nouveaux contacts).</translation>
    </message>
    <message>
        <source>The preview failed: %1</source>
        <translation>L’aperçu a échoué : %1</translation>
    </message>
</context>
</TS>
