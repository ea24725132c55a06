<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>UpdateNotice</name>
    <message>
        <source>Prospection</source>
        <translation>Prospection</translation>
    </message>
    <message>
        <source>Updating your prospect file for this version…</source>
        <translation>Mise à jour de votre fichier de prospects pour cette version…</translation>
    </message>
    <message>
        <source>A backup copy is made first, so nothing can be lost. With a very large file this can take a few minutes.</source>
        <translation>Une copie de sauvegarde est faite d’abord : rien ne peut être perdu. Avec un très gros fichier, cela peut prendre quelques minutes.</translation>
    </message>
</context>
</TS>
