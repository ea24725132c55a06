<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>OfflineCopy</name>
    <message>
        <source>Your copy is for reading only</source>
        <extracomment>The server answered: go back to the live database. A check failed (its time), or started (None). The server answered (from the checking thread). A refresh finished: the CopyInfo, or None when it failed (logged). The server answers again: the app reopens the window on the live database.</extracomment>
        <translation>Votre copie est en lecture seule</translation>
    </message>
    <message>
        <source>The team server cannot be reached, so you are reading your copy of the team&apos;s data: nothing can be changed in it, and nothing was saved. Your unsaved edits are kept. Use Retry on the banner once you are back online.</source>
        <translation>Le serveur d’équipe est injoignable : vous consultez votre copie des données de l’équipe. Rien ne peut y être modifié, et rien n’a été enregistré. Vos modifications non enregistrées sont conservées. Utilisez Réessayer sur le bandeau une fois de nouveau en ligne.</translation>
    </message>
</context>
<context>
    <name>OfflineCopyBanner</name>
    <message>
        <source>&amp;Retry</source>
        <extracomment>Seconds between two checks of the server while the copy is shown. The next refresh waits at least this many times as long as the last one took. Seconds after the window is up before the first refresh (start-up&apos;s reads go first).</extracomment>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>Try to reach the team server now</source>
        <translation>Essayer de joindre le serveur d&apos;équipe maintenant</translation>
    </message>
    <message>
        <source>⚠ Team server unreachable — showing your copy from {when}; changes are off.</source>
        <translation>⚠ Serveur d&apos;équipe injoignable — affichage de votre copie du {when} ; modifications désactivées.</translation>
    </message>
    <message>
        <source>Trying the server…</source>
        <translation>Tentative de connexion au serveur…</translation>
    </message>
    <message>
        <source>Still unreachable at {time}.</source>
        <translation>Toujours injoignable à {time}.</translation>
    </message>
</context>
</TS>
