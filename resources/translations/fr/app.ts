<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Upgrade</name>
    <message>
        <source>Prospection was updated</source>
        <extracomment>The storage modules the main window needs, imported before PySide6 (see below). `ui.single_instance.LOCK_NAME`, named here so as not to import Qt to read it.</extracomment>
        <translation>Prospection a été mis à jour</translation>
    </message>
    <message>
        <source>A new version of Prospection was installed while it was running. Close it and start it again to go on (your data is safe).</source>
        <translation>Une nouvelle version de Prospection a été installée pendant qu&apos;il était ouvert. Fermez-le et relancez-le pour continuer (vos données ne risquent rien).</translation>
    </message>
</context>
</TS>
