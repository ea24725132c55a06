<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Integrity</name>
    <message>
        <source>Read only: the data file is damaged</source>
        <extracomment>The file was found whole (checked now, or an unchanged file&apos;s kept verdict).</extracomment>
        <translation>Lecture seule : le fichier de données est endommagé</translation>
    </message>
    <message>
        <source>Read only: the lock file cannot be written</source>
        <translation>Lecture seule : impossible d’écrire le fichier de verrou</translation>
    </message>
    <message>
        <source>Checking the data file…</source>
        <translation>Vérification du fichier de données…</translation>
    </message>
    <message>
        <source>The data file is damaged</source>
        <translation>Le fichier de données est endommagé</translation>
    </message>
    <message>
        <source>Prospection checked the data file and found damage in it. It is open for reading only, so that changes cannot spread the damage: nothing you change now would be saved. Restore a backup to go on working (the damaged file is kept aside, never deleted).</source>
        <translation>Prospection a vérifié le fichier de données et y a trouvé des dommages. Il est ouvert en lecture seule, pour que des modifications n’étendent pas les dommages : rien de ce que vous modifieriez maintenant ne serait enregistré. Restaurez une sauvegarde pour continuer à travailler (le fichier endommagé est mis de côté, jamais supprimé).</translation>
    </message>
    <message>
        <source>Open for reading only</source>
        <translation>Ouvert en lecture seule</translation>
    </message>
    <message>
        <source>Prospection could not write its lock file in the data folder (is the disk full, or the folder read-only?), so it cannot make sure that no other Prospection window changes the same data. The data is open for reading only: changes are not saved. Free some space or fix the folder, then start Prospection again.</source>
        <translation>Prospection n’a pas pu écrire son fichier de verrou dans le dossier des données (le disque est-il plein, ou le dossier en lecture seule ?) : il ne peut donc pas s’assurer qu’aucune autre fenêtre de Prospection ne modifie les mêmes données. Les données sont ouvertes en lecture seule : les modifications ne sont pas enregistrées. Libérez de la place ou réparez le dossier, puis relancez Prospection.</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>&amp;Keep reading</source>
        <translation>&amp;Continuer en lecture</translation>
    </message>
</context>
</TS>
