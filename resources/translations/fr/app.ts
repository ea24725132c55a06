<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>OfflineCopy</name>
    <message>
        <source>Connected to the team server again</source>
        <extracomment>The storage modules the main window needs, imported before PySide6 (see below). `ui.single_instance.LOCK_NAME`, named here so as not to import Qt to read it. Team mode: the thread refreshing the local copy of the team&apos;s data.</extracomment>
        <translation>De nouveau connecté au serveur d&apos;équipe</translation>
    </message>
    <message>
        <source>the prospect you were editing is no longer there: your unsaved changes to it were dropped.</source>
        <translation>le prospect que vous modifiiez n’y est plus : vos modifications non enregistrées ont été abandonnées.</translation>
    </message>
    <message>
        <source>No copy to show</source>
        <translation>Aucune copie à afficher</translation>
    </message>
    <message>
        <source>There is no copy of the team&apos;s data on this computer to read meanwhile: one is made shortly after Prospection connects.</source>
        <translation>Aucune copie des données de l’équipe n’est présente sur cet ordinateur pour les consulter en attendant : elle est faite peu après la connexion de Prospection.</translation>
    </message>
    <message>
        <source>Showing your copy: the team server cannot be reached</source>
        <translation>Affichage de votre copie : le serveur d’équipe est injoignable</translation>
    </message>
</context>
<context>
    <name>Upgrade</name>
    <message>
        <source>Prospection was updated</source>
        <translation>Prospection a été mis à jour</translation>
    </message>
    <message>
        <source>A new version of Prospection was installed while it was running. Close it and start it again to go on (your data is safe).</source>
        <translation>Une nouvelle version de Prospection a été installée pendant qu&apos;il était ouvert. Fermez-le et relancez-le pour continuer (vos données ne risquent rien).</translation>
    </message>
</context>
</TS>
