<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ExportDialog</name>
    <message>
        <source>CSV (UTF-8, opens right in Excel)</source>
        <translation>CSV (UTF-8, s’ouvre correctement dans Excel)</translation>
    </message>
    <message>
        <source>CSV for French Excel (; and Windows-1252)</source>
        <translation>CSV pour Excel français (; et Windows-1252)</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <source>vCard 3.0 (phones, address books)</source>
        <translation>vCard 3.0 (téléphones, carnets d’adresses)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Meetings as a calendar (.ics)</source>
        <translation>Rendez-vous en calendrier (.ics)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>The selected prospects (%1)</source>
        <translation>Les prospects sélectionnés (%1)</translation>
    </message>
    <message>
        <source>The prospects of the current view</source>
        <translation>Les prospects de la vue actuelle</translation>
    </message>
    <message>
        <source>Every prospect</source>
        <translation>Tous les prospects</translation>
    </message>
    <message>
        <source>People who asked not to be contacted are left out. Cells that could run as spreadsheet formulas are neutralised.</source>
        <translation>Les personnes qui ont demandé à ne pas être contactées sont exclues. Les cellules qui pourraient s’exécuter comme formules de tableur sont neutralisées.</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Rendez-vous</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export vers %1…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Arrêt en cours…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>French Excel&apos;s CSV (Windows-1252) cannot hold these characters: %1. Save as UTF-8 with BOM instead (Excel opens it right)?</source>
        <translation>Le CSV pour Excel français (Windows-1252) ne peut pas contenir ces caractères : %1. Enregistrer plutôt en UTF-8 avec BOM (Excel l’ouvre correctement) ?</translation>
    </message>
    <message>
        <source>Save as UTF-8</source>
        <translation>Enregistrer en UTF-8</translation>
    </message>
    <message>
        <source>Write stand-ins (?)</source>
        <translation>Écrire des équivalents (?)</translation>
    </message>
    <message>
        <source>The file cannot be written: %1</source>
        <translation>Le fichier ne peut pas être écrit : %1</translation>
    </message>
    <message>
        <source>Export stopped: no file was written.</source>
        <translation>Export arrêté : aucun fichier n&apos;a été écrit.</translation>
    </message>
</context>
</TS>
