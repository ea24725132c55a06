<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>Upgrade</name>
    <message>
        <source>Prospection was updated</source>
        <translation>Prospection a été mis à jour</translation>
    </message>
    <message>
        <source>A new version of Prospection was installed while it was running. Close it and start it again to go on (your data is safe).</source>
        <translation>Une nouvelle version de Prospection a été installée pendant qu'il était ouvert. Fermez-le et relancez-le pour continuer (vos données ne risquent rien).</translation>
    </message>
</context>
</TS>
