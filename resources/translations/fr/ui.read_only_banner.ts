<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>ReadOnlyBanner</name>
    <message>
        <source>⚠ Team server unreachable — reconnecting… You can read what is on the screen; changes, calls and imports wait until it is back.</source>
        <translation>⚠ Serveur d’équipe injoignable — reconnexion… Vous pouvez lire ce qui est à l’écran ; modifications, appels et imports attendent son retour.</translation>
    </message>
    <message>
        <source>🔒 This data folder is read-only: you can read, not change. Make it writable again to make changes.</source>
        <translation>🔒 Ce dossier de données est en lecture seule : vous pouvez consulter, pas modifier. Rendez-le de nouveau modifiable pour faire des changements.</translation>
    </message>
</context>
</TS>
