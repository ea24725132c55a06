<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>CallTimer</name>
    <message>
        <source>Call:</source>
        <extracomment>Emitted every second while running (seconds so far).</extracomment>
        <translation>Appel :</translation>
    </message>
    <message>
        <source>Call duration</source>
        <translation>Durée de l&apos;appel</translation>
    </message>
    <message>
        <source>Starts when you dial a number. Type another value to correct it.</source>
        <translation>Démarre quand vous composez un numéro. Saisissez une autre valeur pour la corriger.</translation>
    </message>
</context>
</TS>
