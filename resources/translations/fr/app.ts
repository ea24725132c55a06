<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Startup</name>
    <message>
        <source>Prospection cannot open its data</source>
        <translation>Prospection ne peut pas ouvrir ses données</translation>
    </message>
    <message>
        <source>This data file was written by a newer version of Prospection. It was left untouched: install the newer version to open it.</source>
        <translation>Ce fichier de données a été écrit par une version plus récente de Prospection. Il n&apos;a pas été modifié : installez la version plus récente pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>This data file cannot be read: it is damaged or is not a Prospection file. It was left untouched: restore a backup, or start with another data folder (--data-dir).</source>
        <translation>Ce fichier de données est illisible : il est endommagé ou ce n&apos;est pas un fichier Prospection. Il n&apos;a pas été modifié : restaurez une sauvegarde, ou démarrez avec un autre dossier de données (--data-dir).</translation>
    </message>
    <message>
        <source>The data folder cannot be used. Check that the disk is available and that you may write there, or choose another folder (--data-dir).</source>
        <translation>Le dossier de données est inutilisable. Vérifiez que le disque est disponible et que vous pouvez y écrire, ou choisissez un autre dossier (--data-dir).</translation>
    </message>
</context>
</TS>
