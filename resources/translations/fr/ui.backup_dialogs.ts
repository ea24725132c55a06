<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>BackupTable</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Prospects</source>
        <translation>Prospects</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Activités</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>illisible</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Daily</source>
        <translation>Quotidienne</translation>
    </message>
    <message>
        <source>Made by you</source>
        <translation>Faite par vous</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>Avant un import</translation>
    </message>
    <message>
        <source>Before a deletion</source>
        <translation>Avant une suppression</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Avant une restauration</translation>
    </message>
    <message>
        <source>Before an erasure</source>
        <translation>Avant un effacement</translation>
    </message>
    <message>
        <source>Before an update</source>
        <translation>Avant une mise à jour</translation>
    </message>
    <message>
        <source>Chosen file</source>
        <translation>Fichier choisi</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>Restaurer cette sauvegarde ?</translation>
    </message>
    <message>
        <source>The data will be replaced by the backup of {when} ({count} prospects). The data as it is now is backed up first, so you can come back to it.</source>
        <translation>Les données seront remplacées par la sauvegarde du {when} ({count} prospects). Les données actuelles sont d’abord sauvegardées : vous pourrez y revenir.</translation>
    </message>
    <message>
        <source>No backup was made</source>
        <translation>Aucune sauvegarde n’a été faite</translation>
    </message>
    <message>
        <source>The copy of the data failed its check, so it was deleted: the data file itself may be damaged. Your earlier backups were kept.</source>
        <translation>La copie des données n’a pas passé la vérification : elle a été supprimée. Le fichier de données lui-même est peut-être endommagé. Vos sauvegardes précédentes sont conservées.</translation>
    </message>
    <message>
        <source>The backup could not be written ({reason}). Is the disk full?</source>
        <translation>La sauvegarde n’a pas pu être écrite ({reason}). Le disque est-il plein ?</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Prospection backs your data up every day and before each import, deletion and restore. It keeps the last 7 days and 4 weeks. Choose the backup to go back to:</source>
        <translation>Prospection sauvegarde vos données chaque jour et avant chaque import, suppression et restauration. Il garde les 7 derniers jours et les 4 dernières semaines. Choisissez la sauvegarde à laquelle revenir :</translation>
    </message>
    <message>
        <source>No backup yet. Use File › Back up now to make one.</source>
        <translation>Pas encore de sauvegarde. Utilisez Fichier › Sauvegarder maintenant pour en faire une.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>From a &amp;file…</source>
        <translation>Depuis un &amp;fichier…</translation>
    </message>
    <message>
        <source>Open the backups &amp;folder</source>
        <translation>Ouvrir le &amp;dossier des sauvegardes</translation>
    </message>
    <message>
        <source>Restore from a file</source>
        <translation>Restaurer depuis un fichier</translation>
    </message>
    <message>
        <source>Prospection backups (*.sqlite3 *.db);;All files (*)</source>
        <translation>Sauvegardes Prospection (*.sqlite3 *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The backup was restored and the data can be changed again. The damaged file was kept beside it as %1.</source>
        <translation>La sauvegarde a été restaurée et les données peuvent de nouveau être modifiées. Le fichier endommagé est conservé à côté, sous le nom %1.</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sauvegarde restaurée</translation>
    </message>
    <message>
        <source>The backup was restored. The data as it was just before is in the list as “Before a restore”.</source>
        <translation>La sauvegarde a été restaurée. Les données telles qu’elles étaient juste avant figurent dans la liste, sous « Avant une restauration ».</translation>
    </message>
    <message>
        <source>Objections and erasures kept: %1 contacts flagged do-not-contact again, %2 erased again.</source>
        <translation>Oppositions et effacements conservés : %1 contacts de nouveau marqués « ne pas contacter », %2 de nouveau effacés.</translation>
    </message>
    <message>
        <source>This backup cannot be restored</source>
        <translation>Cette sauvegarde ne peut pas être restaurée</translation>
    </message>
    <message>
        <source>The file is damaged, is not a Prospection backup, or comes from a newer version. Your data was not changed.</source>
        <translation>Le fichier est endommagé, n’est pas une sauvegarde Prospection, ou vient d’une version plus récente. Vos données n’ont pas été modifiées.</translation>
    </message>
</context>
</TS>
