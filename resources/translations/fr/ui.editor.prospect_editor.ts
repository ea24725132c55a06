<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ProspectEditor</name>
    <message>
        <source>Select a prospect to see who they are and how you help.</source>
        <extracomment>Emitted after a save, with the prospect&apos;s id.</extracomment>
        <translation>Choisissez un prospect pour voir qui il est et comment vous l&apos;aidez.</translation>
    </message>
</context>
</TS>
