<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>SafetyActions</name>
    <message>
        <source>Backup restored.</source>
        <translation>Sauvegarde restaurée.</translation>
    </message>
    <message>
        <source>Choose a prospect first.</source>
        <translation>Choisissez d’abord un prospect.</translation>
    </message>
    <message>
        <source>The person was erased.</source>
        <translation>La personne a été effacée.</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Copy the data into the backups folder now</source>
        <translation>Copier maintenant les données dans le dossier des sauvegardes</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>Go back to an earlier backup of the data</source>
        <translation>Revenir à une sauvegarde antérieure des données</translation>
    </message>
    <message>
        <source>Pri&amp;vacy and consent…</source>
        <translation>Données &amp;personnelles et consentement…</translation>
    </message>
    <message>
        <source>Do-not-contact, consent, data export and erasure for this prospect&apos;s people</source>
        <translation>Opposition, consentement, export et effacement des données des personnes de ce prospect</translation>
    </message>
    <message>
        <source>Retention re&amp;view…</source>
        <translation>Revue de &amp;conservation…</translation>
    </message>
    <message>
        <source>Prospects silent for three years: ask them or erase them</source>
        <translation>Prospects sans nouvelles depuis trois ans : les solliciter ou les effacer</translation>
    </message>
    <message>
        <source>Backed up to {file}</source>
        <translation>Sauvegardé dans {file}</translation>
    </message>
    <message>
        <source>A team database is backed up on its server by its administrator (pg_dump)</source>
        <translation>Une base d’équipe est sauvegardée sur son serveur par son administrateur (pg_dump)</translation>
    </message>
</context>
</TS>
