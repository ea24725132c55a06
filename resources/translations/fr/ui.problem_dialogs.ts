<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>BackupChooser</name>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>The file that cannot be opened is kept beside the data, renamed; it is never deleted. Choose the backup to go back to:</source>
        <translation>Le fichier illisible est gardé à côté des données, renommé ; il n’est jamais supprimé. Choisissez la sauvegarde à laquelle revenir :</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>The disk is full</source>
        <translation>Le disque est plein</translation>
    </message>
    <message>
        <source>Prospection could not save because the disk is full. Everything saved before is safe. Free some space (empty the trash, remove large files), then try again.</source>
        <translation>Prospection n’a pas pu enregistrer car le disque est plein. Tout ce qui était enregistré avant est en sécurité. Libérez de la place (videz la corbeille, supprimez de gros fichiers), puis réessayez.</translation>
    </message>
    <message>
        <source>The data folder cannot be written</source>
        <translation>Impossible d’écrire dans le dossier des données</translation>
    </message>
    <message>
        <source>Prospection may not write in its data folder (no permission, or a read-only disk). Choose another folder, or ask for write permission.</source>
        <translation>Prospection ne peut pas écrire dans son dossier de données (pas d’autorisation, ou disque en lecture seule). Choisissez un autre dossier, ou demandez l’autorisation d’écrire.</translation>
    </message>
    <message>
        <source>The data file is damaged</source>
        <translation>Le fichier de données est endommagé</translation>
    </message>
    <message>
        <source>The data file cannot be read: it is damaged or is not a Prospection file. It was left untouched. Restore a backup, or choose another data folder.</source>
        <translation>Le fichier de données ne peut pas être lu : il est endommagé ou n’est pas un fichier Prospection. Il n’a pas été modifié. Restaurez une sauvegarde, ou choisissez un autre dossier de données.</translation>
    </message>
    <message>
        <source>The data file comes from a newer version</source>
        <translation>Le fichier de données vient d’une version plus récente</translation>
    </message>
    <message>
        <source>This data file was written by a newer version of Prospection. It was left untouched: install the newer version to open it, or restore a backup.</source>
        <translation>Ce fichier de données a été écrit par une version plus récente de Prospection. Il n’a pas été modifié : installez la version plus récente pour l’ouvrir, ou restaurez une sauvegarde.</translation>
    </message>
    <message>
        <source>The data folder cannot be used</source>
        <translation>Le dossier des données est inutilisable</translation>
    </message>
    <message>
        <source>The data folder cannot be used. Check that the disk is connected and that you may write there, or choose another folder.</source>
        <translation>Le dossier des données est inutilisable. Vérifiez que le disque est branché et que vous pouvez y écrire, ou choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>The data file is busy</source>
        <translation>Le fichier de données est occupé</translation>
    </message>
    <message>
        <source>Another program is writing to the data file. Try again in a moment.</source>
        <translation>Un autre programme écrit dans le fichier de données. Réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The data file is being checked</source>
        <translation>Le fichier de données est en cours de vérification</translation>
    </message>
    <message>
        <source>Prospection checks the data file after opening it (a few seconds on a large file) and saves nothing until it is done. Your change was not saved: try again in a moment.</source>
        <translation>Prospection vérifie le fichier de données après l’avoir ouvert (quelques secondes pour un gros fichier) et n’enregistre rien avant la fin. Votre modification n’a pas été enregistrée : réessayez dans un instant.</translation>
    </message>
    <message>
        <source>The data file is damaged, so it is open for reading only: your change was not saved. Use File › Restore from backup… to go on working.</source>
        <translation>Le fichier de données est endommagé, il est donc ouvert en lecture seule : votre modification n’a pas été enregistrée. Utilisez Fichier › Restaurer une sauvegarde… pour continuer à travailler.</translation>
    </message>
    <message>
        <source>Open for reading only</source>
        <translation>Ouvert en lecture seule</translation>
    </message>
    <message>
        <source>Prospection could not write its lock file in the data folder, so the data is open for reading only: your change was not saved. Free some disk space or fix the folder, then start Prospection again.</source>
        <translation>Prospection n’a pas pu écrire son fichier de verrou dans le dossier des données : les données sont donc ouvertes en lecture seule et votre modification n’a pas été enregistrée. Libérez de la place sur le disque ou réparez le dossier, puis relancez Prospection.</translation>
    </message>
    <message>
        <source>The team server cannot be reached</source>
        <translation>Le serveur d&apos;équipe est injoignable</translation>
    </message>
    <message>
        <source>The team server does not answer (network, or the server is down). Your last change was not saved, and nothing of it was half-written. Try again once the server is back, or restart Prospection and open the local file.</source>
        <translation>Le serveur d&apos;équipe ne répond pas (réseau, ou serveur arrêté). Votre dernière modification n&apos;a pas été enregistrée, et rien n&apos;en a été écrit à moitié. Réessayez quand le serveur sera revenu, ou redémarrez Prospection et ouvrez le fichier local.</translation>
    </message>
    <message>
        <source>The team server refused the connection</source>
        <translation>Le serveur d&apos;équipe a refusé la connexion</translation>
    </message>
    <message>
        <source>The team server refused the connection (address, user name, password or database). Check Preferences › Team.</source>
        <translation>Le serveur d&apos;équipe a refusé la connexion (adresse, nom d&apos;utilisateur, mot de passe ou base). Vérifiez Préférences › Équipe.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Un problème est survenu</translation>
    </message>
    <message>
        <source>Prospection met an unexpected problem. Your work is safe: each change is saved as you make it. The details were written to the log file.</source>
        <translation>Prospection a rencontré un problème inattendu. Votre travail est en sécurité : chaque modification est enregistrée dès qu’elle est faite. Les détails ont été écrits dans le journal.</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>Journal : {path}</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>Ouvrir le dossier du journal</translation>
    </message>
</context>
<context>
    <name>StartupProblemBox</name>
    <message>
        <source>Prospection cannot open its data</source>
        <translation>Prospection ne peut pas ouvrir ses données</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>&amp;Choose another folder…</source>
        <translation>&amp;Choisir un autre dossier…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Choose a data folder</source>
        <translation>Choisir un dossier de données</translation>
    </message>
</context>
</TS>
