<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>TransferActions</name>
    <message>
        <source>Exported to %1.</source>
        <translation>Exporté dans %1.</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Export prospects or meetings to a file</source>
        <translation>Exporter des prospects ou des rendez-vous dans un fichier</translation>
    </message>
    <message>
        <source>&amp;Undo an import…</source>
        <translation>Ann&amp;uler une importation…</translation>
    </message>
    <message>
        <source>Remove what an import created</source>
        <translation>Supprimer ce qu’une importation a créé</translation>
    </message>
</context>
</TS>
